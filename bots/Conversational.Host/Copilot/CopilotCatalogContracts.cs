using System.Text.Json;
using Conversational.Handoff.Copilot;

namespace Conversational.Host.Copilot;

/// <summary>The copilot catalogue as <c>GET /api/copilot/catalog</c> shows it: the lists and the version they are at.</summary>
public sealed record CopilotCatalogView(long Version, DateTimeOffset ChangedAt, string ChangedBy, IReadOnlyList<ReplyScript> Scripts,
    IReadOnlyList<DisclosureRule> Disclosures, IReadOnlyList<ServiceOffer> Offers)
{
    public static CopilotCatalogView From(CopilotCatalogVersion version)
    {
        ArgumentNullException.ThrowIfNull(version);
        var catalog = version.Catalog;
        return new(version.Version, version.ChangedAt, version.ChangedBy, catalog.Scripts, catalog.Disclosures, catalog.Offers);
    }
}

/// <summary>One saved version in <c>GET /api/copilot/catalog/history</c>: who, when, and how many items of each kind.</summary>
public sealed record CopilotCatalogHistoryItem(long Version, DateTimeOffset ChangedAt, string ChangedBy, CopilotCatalogCounts Counts)
{
    public static CopilotCatalogHistoryItem From(CopilotCatalogVersion version)
    {
        ArgumentNullException.ThrowIfNull(version);
        var catalog = version.Catalog;
        return new(version.Version, version.ChangedAt, version.ChangedBy,
            new CopilotCatalogCounts(catalog.Scripts.Count, catalog.Disclosures.Count, catalog.Offers.Count));
    }
}

/// <summary>How many items each list of a catalogue version holds (retired ones included).</summary>
public sealed record CopilotCatalogCounts(int Scripts, int Disclosures, int Offers);

/// <summary>
/// A new or changed item for <c>PUT /api/copilot/catalog/{kind}/{id}</c>, made from the catalogue version the trainer
/// read. The item is read by its kind (<see cref="CopilotCatalogKind"/>); its <c>id</c> may be left out.
/// </summary>
public sealed record CopilotItemEdit(long? ExpectedVersion, JsonElement? Item);
