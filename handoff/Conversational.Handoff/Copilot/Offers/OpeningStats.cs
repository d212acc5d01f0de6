namespace Conversational.Handoff.Copilot;

/// <summary>
/// 启齿率 for one agent, offer or script: of the conversations where an offer was eligible (shown on the shelf), how many
/// the agent pitched, and how the pitched ones were answered.
/// </summary>
public sealed record OpeningRate(string Key, int Eligible, int Pitched, int Accepted, int Declined)
{
    /// <summary>Opening rate: pitched ÷ eligible, 0 when nothing was eligible.</summary>
    public double Rate => Eligible == 0 ? 0 : (double)Pitched / Eligible;

    /// <summary>Conversion: accepted ÷ pitched, 0 when nothing was pitched.</summary>
    public double Conversion => Pitched == 0 ? 0 : (double)Accepted / Pitched;
}

/// <summary>
/// Opening rates per agent, offer and script over a period. A script only exists once pitched, so per script
/// <see cref="OpeningRate.Eligible"/> equals <see cref="OpeningRate.Pitched"/> and the conversion is what tells scripts apart.
/// </summary>
public sealed record OpeningStats(IReadOnlyList<OpeningRate> ByAgent, IReadOnlyList<OpeningRate> ByOffer, IReadOnlyList<OpeningRate> ByScript);
