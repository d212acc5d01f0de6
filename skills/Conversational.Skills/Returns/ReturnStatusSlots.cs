using Conversational.Skills.Dialogs;

namespace Conversational.Skills.Returns;

/// <summary>What <see cref="ReturnStatusDialog"/> keeps while the customer picks one of several tickets.</summary>
internal sealed record ReturnStatusSlots
{
    public required string Language { get; init; }

    public SkillReply? Question { get; init; }

    /// <summary>The ticket ids the question's quick replies stand for.</summary>
    public IReadOnlyList<string> Options { get; init; } = [];
}
