using Conversational.Skills.Dialogs;
using Conversational.Skills.Installments;
using Conversational.Testing;
using Microsoft.Extensions.Options;

namespace Conversational.Skills.Tests.Installments;

/// <summary>What <c>AddSkills()</c> wires up for installments: the product table from configuration, the dialog, its sender.</summary>
public sealed class InstallmentRegistrationTests
{
    [Fact]
    public async Task ProductTable_WithoutAConfigurationSection_IsTheDefault()
    {
        await using var host = await SkillsHost.StartAsync(StoreKind.Sqlite, seedDemoData: false);

        var table = host.Get<IOptions<InstallmentProductTable>>().Value;

        Assert.Equal(InstallmentProductTable.Default.Offers, table.Offers);
        Assert.Equal((500m, 50_000m, 0.03m), (table.MinimumAmount, table.MaximumAmount, table.EarlyPayoffFeeRate));
        Assert.Single(host.Get<IEnumerable<ISkillDialog>>().OfType<InstallmentDialog>());
        Assert.IsType<LoggingOneTimeCodeSender>(host.Get<IOneTimeCodeSender>());
    }

    [Fact]
    public async Task ProductTable_FromConfiguration_ReplacesTheDefaultOffers()
    {
        var configuration = new Dictionary<string, string?>
        {
            ["InstallmentProducts:MinimumAmount"] = "1000",
            ["InstallmentProducts:MaximumAmount"] = "20000",
            ["InstallmentProducts:Offers:0:Periods"] = "6",
            ["InstallmentProducts:Offers:0:FeeRatePerPeriod"] = "0.0065",
        };
        await using var host = await SkillsHost.StartAsync(StoreKind.Sqlite, seedDemoData: false, configuration: configuration);

        var table = host.Get<IOptions<InstallmentProductTable>>().Value;

        Assert.Equal([new InstallmentOffer(6, 0.0065m)], table.Offers);
        Assert.Equal((1000m, 20_000m, 0.03m), (table.MinimumAmount, table.MaximumAmount, table.EarlyPayoffFeeRate));
    }

    [Fact]
    public async Task ProductTable_Invalid_StopsTheHostAtStartNamingTheProblem()
    {
        var exception = await Assert.ThrowsAsync<OptionsValidationException>(() => SkillsHost.StartAsync(StoreKind.Sqlite,
            seedDemoData: false, configuration: new Dictionary<string, string?> { ["InstallmentProducts:MinimumAmount"] = "800" }));

        Assert.Contains("Offers must list at least one offer", exception.Message, StringComparison.Ordinal);
    }
}
