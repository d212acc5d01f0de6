namespace Conversational.Skills.Installments;

/// <summary>What the installment dialog keeps between turns in its snapshot; agents see it in the handoff package.</summary>
internal sealed record InstallmentSlots
{
    /// <summary>The customer proved who they are, by the app's login or a one-time code.</summary>
    public bool Verified { get; init; }

    /// <summary>Periods asked for before any were offered (账单分12期).</summary>
    public int? RequestedPeriods { get; init; }

    /// <summary>The card the customer named or picked.</summary>
    public string? Last4 { get; init; }

    /// <summary>The one-time code challenge in progress: a salted hash, never the code.</summary>
    public OneTimeCodeState? Code { get; init; }

    public int CodesSent { get; init; }

    /// <summary>The cards offered to choose from.</summary>
    public IReadOnlyList<CardStatement> Cards { get; init; } = [];

    /// <summary>The statement being installed.</summary>
    public CardStatement? Statement { get; init; }

    /// <summary>The amount to install: the whole balance unless the customer asked for less.</summary>
    public decimal Amount { get; init; }

    /// <summary>The allowed amounts for <see cref="Statement"/>.</summary>
    public decimal MinimumAmount { get; init; }

    public decimal MaximumAmount { get; init; }

    /// <summary>The periods and fee rate chosen, as shown to the customer.</summary>
    public InstallmentOffer? Offer { get; init; }
}
