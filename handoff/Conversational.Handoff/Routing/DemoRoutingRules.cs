using Conversational.Storage;

namespace Conversational.Handoff.Routing;

/// <summary>
/// The demo rule set (<c>demo-routing-rules.json</c>, embedded): outside business hours leave a message; customers who
/// complained before go to the complaint group, person first; VIP 7–10 to the VIP group, served first; installments
/// to the card group; returns to e-commerce; everyone else to the general group.
/// </summary>
public static class DemoRoutingRules
{
    public const string ResourceName = "Conversational.Handoff.Routing.demo-routing-rules.json";

    public static RoutingRuleSet Load()
    {
        using var stream = typeof(DemoRoutingRules).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"{ResourceName} is not embedded.");
        using var reader = new StreamReader(stream);
        return RoutingJson.Deserialize(reader.ReadToEnd());
    }
}

/// <summary>Saves the demo rules as version 1 when no rules were ever saved; an admin's edits are never replaced.</summary>
public sealed class DemoRoutingRulesSeed(SqlRoutingRuleStore store) : IDemoSeed
{
    public const string Author = "demo";

    public string Name => "demo-routing-rules";

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        if (await store.CurrentAsync(cancellationToken) is not null)
        {
            return;
        }

        try
        {
            await store.SaveAsync(DemoRoutingRules.Load(), expectedVersion: 0, Author, cancellationToken);
        }
        catch (RoutingConflictException)
        {
            // Another host seeded at the same moment; its version 1 is the same demo set.
        }
    }
}
