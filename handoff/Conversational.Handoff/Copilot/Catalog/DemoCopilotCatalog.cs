using Conversational.Storage;

namespace Conversational.Handoff.Copilot;

/// <summary>
/// The demo catalogue (<c>demo-copilot-catalog.json</c>, embedded), every item in zh-CN and en: reply scripts for all
/// five businesses; the installment disclosures of the installment skill (fixed after success, occupies the credit
/// limit, 3% early payoff fee, annualized rate), the return window of the return policy (7 days no reason, 15 days
/// quality) and the card's minimum-payment one; six service offers.
/// </summary>
public static class DemoCopilotCatalog
{
    public const string ResourceName = "Conversational.Handoff.Copilot.demo-copilot-catalog.json";

    public static CopilotCatalog Load()
    {
        using var stream = typeof(DemoCopilotCatalog).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"{ResourceName} is not embedded.");
        using var reader = new StreamReader(stream);
        return CopilotCatalogJson.Deserialize(reader.ReadToEnd());
    }
}

/// <summary>Saves the demo catalogue as version 1 when none was ever saved; a trainer's edits are never replaced.</summary>
public sealed class DemoCopilotCatalogSeed(SqlCopilotCatalogStore store) : IDemoSeed
{
    public const string Author = "demo";

    public string Name => "demo-copilot-catalog";

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        if ((await store.CurrentAsync(cancellationToken)).Version > 0)
        {
            return;
        }

        try
        {
            await store.SaveAsync(DemoCopilotCatalog.Load(), expectedVersion: 0, Author, cancellationToken);
        }
        catch (CopilotCatalogConflictException)
        {
            // Another host seeded at the same moment; its version 1 is the same demo catalogue.
        }
    }
}
