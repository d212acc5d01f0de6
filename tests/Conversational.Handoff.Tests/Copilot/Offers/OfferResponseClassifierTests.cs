using Conversational.Handoff.Copilot;

namespace Conversational.Handoff.Tests.Copilot.Offers;

public sealed class OfferResponseClassifierTests
{
    [Theory]
    [InlineData("好的，帮我办", OfferResponse.Accepted)]
    [InlineData("可以，帮我开通吧", OfferResponse.Accepted)]
    [InlineData("行，那就办一个", OfferResponse.Accepted)]
    [InlineData("需要的", OfferResponse.Accepted)]
    [InlineData("我有兴趣，说说看", OfferResponse.Accepted)]
    [InlineData("不用等了，帮我办吧", OfferResponse.Accepted)]   // the last clause that answers decides
    [InlineData("幫我辦一下", OfferResponse.Accepted)]          // Traditional characters
    [InlineData("Yes please, sign me up", OfferResponse.Accepted)]
    [InlineData("sure", OfferResponse.Accepted)]
    [InlineData("Sounds good, go ahead.", OfferResponse.Accepted)]
    [InlineData("不需要", OfferResponse.Declined)]
    [InlineData("不用了，谢谢", OfferResponse.Declined)]
    [InlineData("好的，不用了", OfferResponse.Declined)]
    [InlineData("算了吧", OfferResponse.Declined)]
    [InlineData("不太感兴趣", OfferResponse.Declined)]
    [InlineData("没有兴趣", OfferResponse.Declined)]             // 有兴趣, negated
    [InlineData("暂时不考虑", OfferResponse.Declined)]
    [InlineData("不了", OfferResponse.Declined)]
    [InlineData("No thanks", OfferResponse.Declined)]
    [InlineData("I'm not interested", OfferResponse.Declined)]
    [InlineData("I don't want it", OfferResponse.Declined)]
    [InlineData("nope", OfferResponse.Declined)]
    [InlineData("yes but not now", OfferResponse.Declined)]
    [InlineData("账单什么时候出", OfferResponse.NoAnswer)]
    [InlineData("我要查一下上个月的账单", OfferResponse.NoAnswer)] // 要 counts only as a whole answer
    [InlineData("这个要收费吗？", OfferResponse.NoAnswer)]
    [InlineData("好的谢谢", OfferResponse.NoAnswer)]
    [InlineData("ok thanks", OfferResponse.NoAnswer)]
    [InlineData("When is my bill due?", OfferResponse.NoAnswer)]
    public void Classify_ReadsTheAnswerWithItsNegation(string customerText, OfferResponse expected) =>
        Assert.Equal(expected, OfferResponseClassifier.Classify(customerText));
}
