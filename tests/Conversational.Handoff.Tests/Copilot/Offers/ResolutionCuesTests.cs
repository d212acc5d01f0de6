using Conversational.Handoff.Copilot;

namespace Conversational.Handoff.Tests.Copilot.Offers;

public sealed class ResolutionCuesTests
{
    [Theory]
    [InlineData("好的谢谢")]
    [InlineData("明白了")]
    [InlineData("解决了，谢谢！")]
    [InlineData("好了，可以了")]
    [InlineData("知道了，麻煩你了")]
    [InlineData("ok thanks")]
    [InlineData("Got it, thank you!")]
    [InlineData("That's all, all good")]
    public void ASolvedProblem_IsHeard(string customerText) => Assert.True(ResolutionCues.IsResolved(customerText));

    [Theory]
    [InlineData("还没解决")]
    [InlineData("我不明白")]
    [InlineData("谢谢，那什么时候到账？")]         // a new question
    [InlineData("谢谢，但是还是不行")]
    [InlineData("不好了，又被扣款了")]             // 好了, negated
    [InlineData("账单什么时候出")]
    [InlineData("not resolved yet")]
    [InlineData("Thanks, but it still doesn't work")]
    [InlineData("Thanks. How do I pay?")]
    public void AnOpenProblem_IsNotResolved(string customerText) => Assert.False(ResolutionCues.IsResolved(customerText));
}
