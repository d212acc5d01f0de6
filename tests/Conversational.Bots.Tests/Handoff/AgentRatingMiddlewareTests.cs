using Conversational.Bots.Handoff;

namespace Conversational.Bots.Tests.Handoff;

/// <summary>What counts as an answer to the rating question (满意度), and what is the customer moving on.</summary>
public sealed class AgentRatingMiddlewareTests
{
    [Theory]
    [InlineData("5", 5)]
    [InlineData("5 非常满意", 5)]
    [InlineData("1 非常不满意", 1)]
    [InlineData("3分", 3)]
    [InlineData("４", 4)]
    [InlineData("五星", 5)]
    [InlineData("2 Poor", 2)]
    [InlineData("4 stars", 4)]
    public void A_score_alone_or_with_the_quick_replys_words_is_a_rating(string text, int score)
    {
        Assert.Equal(score, AgentRatingMiddleware.Score(text));
    }

    [Theory]
    [InlineData("5月的账单能分期吗")]
    [InlineData("6")]
    [InlineData("0")]
    [InlineData("12期")]
    [InlineData("还行")]
    public void Anything_else_is_not_a_rating(string text)
    {
        Assert.Null(AgentRatingMiddleware.Score(text));
    }
}
