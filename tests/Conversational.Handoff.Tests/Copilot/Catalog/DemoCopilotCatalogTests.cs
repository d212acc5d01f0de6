using Conversational.Handoff.Copilot;
using Conversational.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Conversational.Handoff.Tests.Copilot.Catalog;

/// <summary>The embedded demo catalogue: valid, both languages for every business, the disclosures of the skills, offers for the demo customers.</summary>
public sealed class DemoCopilotCatalogTests
{
    private static readonly CopilotCatalog Demo = DemoCopilotCatalog.Load();

    [Fact]
    public void TheDemoCatalogue_Validates() => Assert.Empty(CopilotCatalogValidation.Validate(Demo));

    [Fact]
    public void EveryBusiness_HasScriptsInBothLanguages_AndEveryItemHasItsTwin()
    {
        Assert.True(Demo.Scripts.Count >= 24, $"{Demo.Scripts.Count} scripts");
        foreach (var business in CopilotBusinesses.All)
        {
            Assert.Equal(["en", "zh-CN"], Demo.Scripts.Where(script => script.Business == business).Select(script => script.Language).Distinct().Order());
        }

        Assert.All(new[] { Demo.Scripts.Select(s => (s.Id, s.Language)), Demo.Disclosures.Select(d => (d.Id, d.Language)), Demo.Offers.Select(o => (o.Id, o.Language)) },
            items => Assert.Equal(
                items.Where(item => item.Language == "zh-CN").Select(item => Twin(item.Id)).Order(),
                items.Where(item => item.Language == "en").Select(item => Twin(item.Id)).Order()));
    }

    [Fact]
    public void TheDisclosures_AreThoseOfTheInstallmentSkill_TheReturnPolicyAndTheCard()
    {
        var ids = Demo.Disclosures.Where(rule => rule.Language == "zh-CN").Select(rule => (rule.Business, rule.Id)).Order().ToList();

        Assert.Equal(
        [
            (CopilotBusinesses.Card, "card.minimum-payment.zh"),
            (CopilotBusinesses.Installment, "installment.annualized-rate.zh"),
            (CopilotBusinesses.Installment, "installment.early-payoff-fee.zh"),
            (CopilotBusinesses.Installment, "installment.fixed-after-success.zh"),
            (CopilotBusinesses.Installment, "installment.occupies-credit-limit.zh"),
            (CopilotBusinesses.Returns, "returns.policy-window.zh"),
        ], ids);
        Assert.All(Demo.Disclosures, rule => Assert.True(rule.Mandatory));
    }

    [Fact]
    public void SixOffersInEachLanguage_TheInstallmentOneOpenToEveryCardHolder_AndNoneToAnOptedOutCustomer()
    {
        Assert.Equal(6, Demo.Offers.Count(offer => offer.Language == "zh-CN"));
        Assert.Equal(6, Demo.Offers.Count(offer => offer.Language == "en"));
        Assert.All(Demo.Offers, offer => Assert.Contains("opted_out_marketing", offer.Rules.ExcludedTags));

        // c1005: gold, VIP 5, card_holder and installment_user, in an installment chat; whatever layer they fall in.
        string[] c1005Tags = ["card_holder", "installment_user"];
        var forC1005 = Demo.Offers.Where(offer => offer.Language == "zh-CN"
            && offer.Rules is { Tiers: [], Layers: [], MinVipLevel: <= 5 } rules
            && rules.RequiredTags.All(c1005Tags.Contains)
            && rules.Scenarios.Contains(CopilotBusinesses.Installment));
        Assert.Contains("offer.installment-discount.zh", forC1005.Select(offer => offer.Id));
    }

    [Fact]
    public async Task TheSeed_SavesTheDemoAsVersionOne_OnlyOnce()
    {
        await using var host = await StoreHost.StartAsync(StoreKind.Sqlite, null, builder =>
        {
            builder.AddStorage();
            builder.Services.AddCopilotCatalog();
        }, new Dictionary<string, string?> { ["Storage:SeedDemoData"] = "true" });
        var store = host.Services.GetRequiredService<SqlCopilotCatalogStore>();
        var seeded = await store.CurrentAsync(default);
        await store.SaveAsync(CopilotSamples.Catalog(), 1, "trainer1", default);

        await host.Services.GetServices<Conversational.Storage.IDemoSeed>().OfType<DemoCopilotCatalogSeed>().Single().SeedAsync(default);

        Assert.Equal((1L, DemoCopilotCatalogSeed.Author, Demo.Scripts.Count), (seeded.Version, seeded.ChangedBy, seeded.Catalog.Scripts.Count));
        Assert.Equal(2, (await store.CurrentAsync(default)).Version);
    }

    private static string Twin(string id) => id[..id.LastIndexOf('.')];
}
