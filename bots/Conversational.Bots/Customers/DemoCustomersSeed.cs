using System.Text.Json;
using Conversational.Storage;

namespace Conversational.Bots.Customers;

/// <summary>The demo customer set: tiers, VIP levels and regions that routing and service-sales can be tried on.</summary>
public sealed class DemoCustomersSeed(ICustomerDirectory customers) : IDemoSeed
{
    public string Name => "demo-customers";

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        await using var stream = typeof(DemoCustomersSeed).Assembly.GetManifestResourceStream("Conversational.Bots.Customers.demo-customers.json")
            ?? throw new InvalidOperationException("The demo customer file is not embedded.");
        var profiles = await JsonSerializer.DeserializeAsync<CustomerProfile[]>(stream, JsonSerializerOptions.Web, cancellationToken) ?? [];
        foreach (var profile in profiles)
        {
            await customers.AddIfMissingAsync(profile, cancellationToken);
        }
    }
}
