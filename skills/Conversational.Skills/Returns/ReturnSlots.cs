using Conversational.Skills.Dialogs;

namespace Conversational.Skills.Returns;

/// <summary>What <see cref="ReturnDialog"/> keeps between turns, in the conversation's log.</summary>
internal sealed record ReturnSlots
{
    /// <summary>The language the return started in; a message of only an order number or a size does not switch it.</summary>
    public required string Language { get; init; }

    public string? OrderId { get; init; }

    public int? LineNo { get; init; }

    public ReturnReason? Reason { get; init; }

    public ReturnKind? Kind { get; init; }

    public string? ExchangeSize { get; init; }

    /// <summary>Orders the policy refused in this return, not offered again.</summary>
    public IReadOnlyList<string> RuledOutOrders { get; init; } = [];

    /// <summary>The question the step asked, exactly as asked, to ask again after a question in the middle or a hand-back.</summary>
    public SkillReply? Question { get; init; }

    /// <summary>What the question's first quick replies stand for: order numbers, line numbers, reasons, kinds or sizes.</summary>
    public IReadOnlyList<string> Options { get; init; } = [];
}
