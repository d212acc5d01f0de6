using System.Text.Json.Serialization;

namespace Conversational.Handoff.Copilot;

/// <summary>
/// One line of why a score is what it is (理由), as data the page words in the agent's language: a
/// <see cref="LayerReasons"/> or <see cref="ShelfReasons"/> code, the points it added, and what it is about.
/// </summary>
/// <param name="Points">The points it added (0 counts: it was scored); null when it is a condition, not a score.</param>
/// <param name="Value">The value it is about, invariant (an amount in yuan, a count, a layer, business or tier id), or null.</param>
/// <remarks>Both nullable members are always written, so the desk reads one shape.</remarks>
public sealed record ScoreReason(
    string Code,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] int? Points,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] string? Value);
