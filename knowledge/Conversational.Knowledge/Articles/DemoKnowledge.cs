using Conversational.Knowledge.Articles.Import;
using Conversational.Storage;

namespace Conversational.Knowledge.Articles;

/// <summary>
/// The demo knowledge base (<c>demo-knowledge.json</c>, embedded, in the JSON import format): FAQ entries and articles
/// in zh-CN and en on coupons and activities, sizes and materials, shipping, returns, card bills, installments, early
/// payoff, credit limits and complaints, written to agree with the skills' rules (return windows, installment fees and
/// disclosures, coupon stacking order). Each topic has an id ending in <c>.zh</c> and one ending in <c>.en</c>.
/// </summary>
public static class DemoKnowledge
{
    public const string ResourceName = "Conversational.Knowledge.Articles.demo-knowledge.json";

    public static IReadOnlyList<KnowledgeContent> Load()
    {
        using var stream = typeof(DemoKnowledge).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"{ResourceName} is not embedded.");
        using var reader = new StreamReader(stream);
        return KnowledgeFiles.Checked(JsonEntries.Parse(reader.ReadToEnd(), "demo-knowledge.json"));
    }
}

/// <summary>
/// Adds the demo entries a store does not have yet, by id. An entry a trainer has edited or retired is left as it is,
/// so restarting never undoes their work.
/// </summary>
public sealed class DemoKnowledgeSeed(SqlKnowledgeStore store) : IDemoSeed
{
    public const string Author = "demo";

    public string Name => "demo-knowledge";

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        var existing = (await store.ListAsync(cancellationToken)).Select(entry => entry.Id).ToHashSet(StringComparer.Ordinal);
        var missing = DemoKnowledge.Load().Where(content => !existing.Contains(content.Id)).ToList();
        if (missing.Count > 0)
        {
            // Another host seeding at the same moment imports the same content, which the import leaves unchanged.
            await store.ImportAsync(missing, Author, cancellationToken);
        }
    }
}
