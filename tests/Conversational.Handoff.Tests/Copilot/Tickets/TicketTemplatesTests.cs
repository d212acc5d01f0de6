using Conversational.Handoff.Copilot;

namespace Conversational.Handoff.Tests.Copilot.Tickets;

public sealed class TicketTemplatesTests
{
    [Theory]
    [InlineData(CopilotBusinesses.Installment, "installment", "card_last4,amount,periods")]
    [InlineData(CopilotBusinesses.Returns, "return", "order_id,reason,kind")]
    [InlineData(CopilotBusinesses.Card, "card", "card_last4,issue")]
    [InlineData(CopilotBusinesses.Pricing, "pricing", "product,order_id,issue")]
    [InlineData(CopilotBusinesses.General, "general", "issue")]
    [InlineData("no-such-business", "general", "issue")]
    public void EachBusiness_HasItsTemplate_AndAnUnknownOneTheGeneral(string business, string kind, string fields)
    {
        var template = TicketTemplates.For(business);

        Assert.Equal((kind, fields), (template.Kind, string.Join(',', template.Fields)));
    }

    [Fact]
    public void EveryBusinessTemplate_IsTitledInBothLanguages() =>
        Assert.All(CopilotBusinesses.All.Select(TicketTemplates.For), template =>
            Assert.False(string.IsNullOrWhiteSpace(template.TitleZh) || string.IsNullOrWhiteSpace(template.TitleEn)));
}
