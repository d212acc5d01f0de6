using Conversational.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Conversational.Handoff.Tests;

/// <summary>The <c>Handoff</c> section is checked when the host starts, groups included.</summary>
public sealed class HandoffOptionsTests
{
    [Theory]
    [InlineData("Handoff:OfferTimeout", "00:00:01")]
    [InlineData("Handoff:Groups:card:OverflowTo", "card")]
    [InlineData("Handoff:Groups:card:OverflowAfter", "00:00:00")]
    public async Task ABadSetting_StopsTheHostFromStarting(string key, string value)
    {
        var refused = await Assert.ThrowsAsync<OptionsValidationException>(() => StoreHost.StartAsync(StoreKind.Sqlite, null, builder =>
        {
            builder.AddStorage();
            builder.Services.AddHandoffQueues();
        }, new Dictionary<string, string?> { [key] = value, ["Handoff:Groups:card:OverflowTo"] = value == "card" ? "card" : "general" }));

        Assert.Contains(key.Split(':')[^1], refused.Message, StringComparison.Ordinal);
    }
}
