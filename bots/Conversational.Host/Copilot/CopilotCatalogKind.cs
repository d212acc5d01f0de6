using System.Text.Json;
using Conversational.Handoff.Copilot;

namespace Conversational.Host.Copilot;

/// <summary>
/// One of the catalogue's three lists as the API names it in its URLs (<c>scripts</c>, <c>disclosures</c>,
/// <c>offers</c>): how an item of it is read from JSON, found by id, put in place and removed.
/// </summary>
public abstract class CopilotCatalogKind
{
    public static CopilotCatalogKind Scripts { get; } = new Kind<ReplyScript, ReplyScriptDocument>("scripts",
        catalog => catalog.Scripts, (catalog, items) => catalog with { Scripts = items }, item => item.Id, (document, id) => document.ToScript(id));

    public static CopilotCatalogKind Disclosures { get; } = new Kind<DisclosureRule, DisclosureRuleDocument>("disclosures",
        catalog => catalog.Disclosures, (catalog, items) => catalog with { Disclosures = items }, item => item.Id,
        (document, id) => document.ToDisclosure(id));

    public static CopilotCatalogKind Offers { get; } = new Kind<ServiceOffer, ServiceOfferDocument>("offers",
        catalog => catalog.Offers, (catalog, items) => catalog with { Offers = items }, item => item.Id, (document, id) => document.ToOffer(id));

    public static IReadOnlyList<CopilotCatalogKind> All { get; } = [Scripts, Disclosures, Offers];

    public abstract string Name { get; }

    public static CopilotCatalogKind? Find(string name) => All.FirstOrDefault(kind => kind.Name == name);

    /// <summary>Where the item with this id stands in its list, or -1.</summary>
    public abstract int IndexOf(CopilotCatalog catalog, string id);

    /// <summary>
    /// The catalogue with <paramref name="item"/> (JSON, read with <paramref name="options"/>) under <paramref name="id"/>:
    /// in place of the item with that id, else last. Throws <see cref="JsonException"/> when the JSON is not such an item.
    /// </summary>
    public abstract (CopilotCatalog Catalog, int Index) Put(CopilotCatalog catalog, string id, JsonElement item, JsonSerializerOptions options);

    /// <summary>The catalogue without the item with this id.</summary>
    public abstract CopilotCatalog Remove(CopilotCatalog catalog, string id);

    /// <summary>The validation path of the item at <paramref name="index"/>, e.g. <c>scripts[3]</c>.</summary>
    public string PathOf(int index) => $"{Name}[{index}]";

    private sealed class Kind<TItem, TDocument>(string name, Func<CopilotCatalog, IReadOnlyList<TItem>> list,
        Func<CopilotCatalog, IReadOnlyList<TItem>, CopilotCatalog> with, Func<TItem, string> idOf, Func<TDocument, string, TItem> read)
        : CopilotCatalogKind
    {
        public override string Name => name;

        public override int IndexOf(CopilotCatalog catalog, string id)
        {
            var items = list(catalog);
            for (var index = 0; index < items.Count; index++)
            {
                if (idOf(items[index]) == id)
                {
                    return index;
                }
            }

            return -1;
        }

        public override (CopilotCatalog Catalog, int Index) Put(CopilotCatalog catalog, string id, JsonElement item, JsonSerializerOptions options)
        {
            var document = item.Deserialize<TDocument>(options) ?? throw new JsonException("The item must be a JSON object.");
            var items = list(catalog).ToList();
            var index = IndexOf(catalog, id);
            if (index < 0)
            {
                index = items.Count;
                items.Add(read(document, id));
            }
            else
            {
                items[index] = read(document, id);
            }

            return (with(catalog, items), index);
        }

        public override CopilotCatalog Remove(CopilotCatalog catalog, string id) =>
            with(catalog, [.. list(catalog).Where(item => idOf(item) != id)]);
    }
}
