using Conversational.Handoff.Copilot;

namespace Conversational.Handoff.Tests.Copilot.Offers;

public sealed class CustomerLayeringTests
{
    [Theory]
    // tier, VIP, spend (¥), orders, installment plans, complaints, contacts → layer, score
    [InlineData("platinum", 10, 86_000, 30, 0, 0, 0, "high_value", 100)] // 15 + 30 + 40 + 15
    [InlineData("gold", 5, 20_000, 4, 0, 0, 0, "high_value", 60)]        // 10 + 15 + 30 + 5: exactly the threshold
    [InlineData("gold", 5, 19_999, 4, 0, 0, 0, "growth", 45)]           // one yuan below the band: 10 + 15 + 15 + 5
    [InlineData("gold", 5, 8_000, 6, 1, 0, 0, "growth", 50)]            // 10 + 15 + 15 + 5 + 5
    [InlineData("gold", 5, 8_000, 6, 3, 0, 0, "growth", 55)]            // installment points stop at 10
    [InlineData("gold", 5, 20_000, 4, 0, 0, 6, "growth", 50)]           // six contacts in 90 days: −10
    [InlineData("standard", 3, 6_000, 4, 0, 0, 0, "growth", 29)]        // 9 + 15 + 5
    [InlineData("standard", 2, 3_000, 4, 0, 0, 0, "mass", 16)]          // 6 + 5 + 5
    [InlineData("standard", 0, 0, 0, 0, 0, 0, "mass", 0)]
    [InlineData("platinum", 10, 86_000, 30, 0, 1, 0, "care", 100)]      // a complaint outranks the highest score
    [InlineData("standard", 0, 0, 0, 0, 2, 0, "care", 0)]
    public void Classify_ScoresByTheDocumentedPoints(string tier, int vip, int spend, int orders, int plans, int complaints, int contacts,
        string layer, int score)
    {
        var result = CustomerLayering.Classify(new CustomerActivity("c1", tier, vip, [], spend, orders, plans, complaints, contacts));

        Assert.Equal((layer, score), (result.Name, result.Score));
    }

    [Fact]
    public void Reasons_SayWhatEachPointCameFrom_AsCodesWithTheirValueAndPoints()
    {
        var result = CustomerLayering.Classify(new CustomerActivity("c1", "Platinum", 10, [], 86_000.50m, 30, 0, 0, 0));

        Assert.Equal(
            [
                new ScoreReason(LayerReasons.Spend12Months, 40, "86000.50"),
                new ScoreReason(LayerReasons.Orders12Months, 15, "30"),
                new ScoreReason(LayerReasons.Vip, 30, "10"),
                new ScoreReason(LayerReasons.Tier, 15, "platinum"),
            ],
            result.Reasons);
        Assert.Equal(result.Score, result.Reasons.Sum(reason => reason.Points ?? 0));
    }

    [Fact]
    public void ACareCustomer_HearsTheComplaintFirst_WhichScoresNothing()
    {
        var result = CustomerLayering.Classify(new CustomerActivity("c1", "standard", 0, [], 0m, 0, 0, 1, 7));

        Assert.Equal(
            [
                new ScoreReason(LayerReasons.Complaints90Days, null, "1"),
                new ScoreReason(LayerReasons.Spend12Months, 0, "0"),
                new ScoreReason(LayerReasons.Contacts90Days, -10, "7"),
            ],
            result.Reasons);
    }

    [Fact]
    public void InstallmentPlans_ShowTheCappedPoints()
    {
        var result = CustomerLayering.Classify(new CustomerActivity("c1", "standard", 0, [], 0m, 0, 3, 0, 0));

        Assert.Contains(new ScoreReason(LayerReasons.Installments, 10, "3"), result.Reasons);
    }
}
