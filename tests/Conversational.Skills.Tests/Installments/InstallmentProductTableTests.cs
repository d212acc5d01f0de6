using System.Text.Json;
using Conversational.Skills.Installments;
using Microsoft.Extensions.Configuration;

namespace Conversational.Skills.Tests.Installments;

public sealed class InstallmentProductTableTests
{
    [Fact]
    public void Default_OffersThreeSixTwelveAndTwentyFourPeriods_AndIsValid()
    {
        var table = InstallmentProductTable.Default.Validate();

        Assert.Equal([3, 6, 12, 24], table.Periods);
        Assert.Equal(0.0075m, table.FindOffer(3)!.FeeRatePerPeriod);
        Assert.Equal(0.0060m, table.FindOffer(24)!.FeeRatePerPeriod);
        Assert.Null(table.FindOffer(9));
        Assert.Equal(500m, table.MinimumAmount);
        Assert.Equal(50_000m, table.MaximumAmount);
        Assert.Equal(0.03m, table.EarlyPayoffFeeRate);
    }

    [Fact]
    public void Configuration_BindsOffersAndAmounts()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["InstallmentProducts:MinimumAmount"] = "600",
            ["InstallmentProducts:MaximumAmount"] = "30000",
            ["InstallmentProducts:EarlyPayoffFeeRate"] = "0.02",
            ["InstallmentProducts:Offers:0:Periods"] = "6",
            ["InstallmentProducts:Offers:0:FeeRatePerPeriod"] = "0.0068",
            ["InstallmentProducts:Offers:1:Periods"] = "12",
            ["InstallmentProducts:Offers:1:FeeRatePerPeriod"] = "0.0058",
        }).Build();

        var table = configuration.GetSection(InstallmentProductTable.SectionName).Get<InstallmentProductTable>()!.Validate();

        Assert.Equal([new InstallmentOffer(6, 0.0068m), new InstallmentOffer(12, 0.0058m)], table.Offers);
        Assert.Equal(600m, table.MinimumAmount);
        Assert.Equal(30_000m, table.MaximumAmount);
        Assert.Equal(0.02m, table.EarlyPayoffFeeRate);
    }

    [Fact]
    public void Json_WithoutEarlyPayoffRate_ReadsOffersAndKeepsTheThreePercentDefault()
    {
        const string json = """
            { "minimumAmount": 500, "maximumAmount": 50000, "offers": [ { "periods": 3, "feeRatePerPeriod": 0.0075 } ] }
            """;

        var table = JsonSerializer.Deserialize<InstallmentProductTable>(json, JsonSerializerOptions.Web)!.Validate();

        Assert.Equal([new InstallmentOffer(3, 0.0075m)], table.Offers);
        Assert.Equal(0.03m, table.EarlyPayoffFeeRate);
    }

    public static TheoryData<string, InstallmentProductTable> InvalidTables => new()
    {
        { "Offers must list at least one offer", new() { MinimumAmount = 500m, MaximumAmount = 50_000m } },
        { "Offers[1].Periods must be greater than 0 (was 0)", Table([new(3, 0.0075m), new(0, 0.006m)]) },
        { "Offers[1].Periods 3 is offered more than once", Table([new(3, 0.0075m), new(3, 0.006m)]) },
        { "Offers[0].FeeRatePerPeriod must be at least 0 and less than 1 (was -0.001)", Table([new(3, -0.001m)]) },
        { "Offers[0].FeeRatePerPeriod must be at least 0 and less than 1 (was 1)", Table([new(3, 1m)]) },
        { "MinimumAmount (800) must not exceed MaximumAmount (700)", Table([new(3, 0.0075m)], minimum: 800m, maximum: 700m) },
        { "MinimumAmount must be greater than 0 (was 0)", Table([new(3, 0.0075m)], minimum: 0m, maximum: 700m) },
    };

    [Theory]
    [MemberData(nameof(InvalidTables))]
    public void Validate_InvalidTable_ThrowsNamingTheProblem(string problem, InstallmentProductTable table)
    {
        var exception = Assert.Throws<InvalidOperationException>(() => table.Validate());

        Assert.Contains(problem, exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_EarlyPayoffRateOfOneOrMore_Throws()
    {
        var table = new InstallmentProductTable
        {
            Offers = [new(3, 0.0075m)],
            MinimumAmount = 500m,
            MaximumAmount = 50_000m,
            EarlyPayoffFeeRate = 1.5m,
        };

        var exception = Assert.Throws<InvalidOperationException>(() => table.Validate());

        Assert.Contains("EarlyPayoffFeeRate must be at least 0 and less than 1 (was 1.5)", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_SeveralProblems_NamesThemAll()
    {
        var table = new InstallmentProductTable { Offers = [new(-3, 2m)], MinimumAmount = 900m, MaximumAmount = 100m };

        var exception = Assert.Throws<InvalidOperationException>(() => table.Validate());

        Assert.Contains("Periods must be greater than 0", exception.Message, StringComparison.Ordinal);
        Assert.Contains("FeeRatePerPeriod must be at least 0", exception.Message, StringComparison.Ordinal);
        Assert.Contains("must not exceed MaximumAmount", exception.Message, StringComparison.Ordinal);
    }

    private static InstallmentProductTable Table(
        IReadOnlyList<InstallmentOffer> offers, decimal minimum = 500m, decimal maximum = 50_000m) =>
        new() { Offers = offers, MinimumAmount = minimum, MaximumAmount = maximum };
}
