using System.Text.Json;
using Conversational.Skills.Installments;

namespace Conversational.Skills.Tests.Installments;

public sealed class DemoCardsTests
{
    private static readonly DemoCardSet Demo = DemoCards.Load();

    [Fact]
    public void Load_ParsesElevenCardsOfTenDemoCustomers_OnTheDemoDay()
    {
        Assert.Equal(new DateOnly(2026, 11, 23), Demo.Today);
        Assert.Equal(11, Demo.Cards.Count);
        Assert.Equal(10, Demo.Cards.Select(c => c.CustomerId).Distinct().Count());
        Assert.All(Demo.Cards, c => Assert.Matches("^c10(0[1-9]|1[0-2])$", c.CustomerId));
        Assert.All(Demo.Cards, c => Assert.Matches("^[0-9]{4}$", c.Last4));
        Assert.All(Demo.Cards, c => Assert.True(c.DueDate > c.StatementDate && c.CreditLimit > c.StatementBalance, c.CardId));
        Assert.Equal(10, Demo.Cards.Count(c => c.StatementDate == new DateOnly(2026, 11, 5) && c.DueDate == new DateOnly(2026, 11, 25)));
    }

    [Fact]
    public void Load_ProductTableIsTheDefaultOne()
    {
        var expected = InstallmentProductTable.Default;

        Assert.Equal(expected.Offers, Demo.ProductTable.Offers);
        Assert.Equal(expected.MinimumAmount, Demo.ProductTable.MinimumAmount);
        Assert.Equal(expected.MaximumAmount, Demo.ProductTable.MaximumAmount);
        Assert.Equal(expected.EarlyPayoffFeeRate, Demo.ProductTable.EarlyPayoffFeeRate);
    }

    [Fact]
    public void Load_OnTheDemoDay_ShowsEveryOutcome()
    {
        var outcomes = Demo.Cards.ToDictionary(c => c.CardId,
            c => InstallmentEligibility.Check(c, Demo.ProductTable, amount: null, Demo.Today).Refusals.SingleOrDefault());

        Assert.Equal(6, Demo.Cards.Count(c => InstallmentEligibility.Check(c, Demo.ProductTable, null, Demo.Today).IsEligible));
        Assert.True(InstallmentEligibility.Check(Demo.Cards.Single(c => c.CustomerId == "c1003"), Demo.ProductTable, null, Demo.Today)
            .IsEligible);
        Assert.Equal(InstallmentRefusal.AlreadyInstalled, outcomes["cc-1004-6640"]);
        Assert.Equal(InstallmentRefusal.BelowMinimum, outcomes["cc-1008-1957"]);
        Assert.Equal(InstallmentRefusal.StatementPastDue, outcomes["cc-1006-5592"]);
        Assert.Equal(InstallmentRefusal.AboveMaximum, outcomes["cc-1007-0917"]);
        Assert.Equal(InstallmentRefusal.NothingToInstall, outcomes["cc-1011-3450"]);
    }

    [Fact]
    public void CardsOn_ALaterDay_MovesStatementAndDueDatesByTheSameDays()
    {
        var later = Demo.CardsOn(Demo.Today.AddDays(100));

        Assert.Equal(Demo.Cards.Select(c => (c.CardId, c.StatementDate.AddDays(100), c.DueDate.AddDays(100))),
            later.Select(c => (c.CardId, c.StatementDate, c.DueDate)));
        Assert.Equal(Demo.Cards, Demo.CardsOn(Demo.Today));
    }

    [Fact]
    public void Parse_MissingField_Throws()
    {
        const string json = """
            { "today": "2026-11-23",
              "productTable": { "minimumAmount": 500, "maximumAmount": 50000, "offers": [ { "periods": 3, "feeRatePerPeriod": 0.0075 } ] },
              "cards": [ { "cardId": "x", "customerId": "c1001", "statementDate": "2026-11-05", "dueDate": "2026-11-25",
                           "statementBalance": 1, "minimumPayment": 1, "creditLimit": 1, "alreadyInstalled": false } ] }
            """;

        Assert.Throws<JsonException>(() => DemoCards.Parse(json));
    }

    [Fact]
    public void Parse_InvalidProductTable_Throws()
    {
        const string json = """
            { "today": "2026-11-23", "cards": [],
              "productTable": { "minimumAmount": 900, "maximumAmount": 500, "offers": [ { "periods": 3, "feeRatePerPeriod": 0.0075 } ] } }
            """;

        var exception = Assert.Throws<InvalidOperationException>(() => DemoCards.Parse(json));
        Assert.Contains("MinimumAmount", exception.Message, StringComparison.Ordinal);
    }
}
