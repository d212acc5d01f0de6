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
    public void Reasons_SayWhatEachPointCameFrom()
    {
        var result = CustomerLayering.Classify(new CustomerActivity("c1", "platinum", 10, [], 86_000m, 30, 0, 0, 0));

        Assert.Equal(["12个月消费¥86,000 +40", "12个月下单30笔 +15", "VIP10 +30", "白金会员 +15"], result.Reasons);
    }

    [Fact]
    public void ACareCustomer_HearsTheComplaintFirst()
    {
        var result = CustomerLayering.Classify(new CustomerActivity("c1", "standard", 0, [], 0m, 0, 0, 1, 7));

        Assert.Equal(["近90天投诉1次", "12个月消费¥0 +0", "近90天联系客服7次 -10"], result.Reasons);
    }
}
