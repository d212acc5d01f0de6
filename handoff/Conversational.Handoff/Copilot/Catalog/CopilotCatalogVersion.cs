namespace Conversational.Handoff.Copilot;

/// <summary>One saved version of the catalogue: who saved it and when. Version 0 is the empty catalogue before any save.</summary>
public sealed record CopilotCatalogVersion(long Version, DateTimeOffset ChangedAt, string ChangedBy, CopilotCatalog Catalog);

/// <summary>The catalogue was saved by someone else since it was read.</summary>
public sealed class CopilotCatalogConflictException(long expected, long actual)
    : Exception($"The copilot catalogue is at version {actual}, not {expected}: someone saved it since it was read.")
{
    public long Expected { get; } = expected;

    public long Actual { get; } = actual;
}
