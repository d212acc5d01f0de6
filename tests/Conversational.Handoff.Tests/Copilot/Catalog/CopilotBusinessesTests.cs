using Conversational.Handoff.Copilot;
using Conversational.Knowledge.Understanding;

namespace Conversational.Handoff.Tests.Copilot.Catalog;

public sealed class CopilotBusinessesTests
{
    [Theory]
    [InlineData(Intents.BillInstallment, CopilotBusinesses.Installment)]
    [InlineData(Intents.FaqEarlyPayoff, CopilotBusinesses.Installment)]
    [InlineData(Intents.FaqBill, CopilotBusinesses.Card)]
    [InlineData(Intents.FaqCreditLimit, CopilotBusinesses.Card)]
    [InlineData(Intents.PriceAfterCoupons, CopilotBusinesses.Pricing)]
    [InlineData(Intents.FaqSizeGuide, CopilotBusinesses.Pricing)]
    [InlineData(Intents.FaqShipping, CopilotBusinesses.Pricing)]
    [InlineData(Intents.ReturnExchange, CopilotBusinesses.Returns)]
    [InlineData(Intents.ReturnStatus, CopilotBusinesses.Returns)]
    [InlineData(Intents.Complaint, CopilotBusinesses.General)]
    [InlineData(Intents.Greeting, CopilotBusinesses.General)]
    [InlineData("no_such_intent", CopilotBusinesses.General)]
    [InlineData(null, CopilotBusinesses.General)]
    public void AnIntent_BelongsToItsBusiness_AnythingElseToGeneral(string? intent, string business) =>
        Assert.Equal(business, CopilotBusinesses.ForIntent(intent));
}
