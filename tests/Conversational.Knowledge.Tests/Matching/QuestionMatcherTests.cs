using Conversational.Knowledge.Matching;

namespace Conversational.Knowledge.Tests.Matching;

public sealed class QuestionMatcherTests
{
    private static readonly Lazy<QuestionMatcher> Trained = new(() => QuestionMatcher.Train(ToyPairs.Make(360)));

    [Fact]
    public void Train_LearnableToySet_DecidesUnseenPairsWell()
    {
        var test = ToyPairs.Make(120, offset: 1000);

        var predicted = test.Select(pair => Trained.Value.Same(pair.Text1, pair.Text2)).ToList();

        var metrics = MatchMetrics.Compute(test.Select(pair => pair.Same).ToList(), predicted);
        Assert.True(metrics.Accuracy >= 0.9, $"accuracy {metrics.Accuracy}");
        Assert.True(metrics.F1 >= 0.85, $"f1 {metrics.F1}");
    }

    [Fact]
    public void Score_IsSymmetric()
    {
        var matcher = Trained.Value;

        Assert.Equal(matcher.Score("花呗怎么还款", "我的借呗如何还钱"), matcher.Score("我的借呗如何还钱", "花呗怎么还款"), 6);
    }

    [Fact]
    public void Same_SameQuestionInOtherWords_IsSame_AndAnotherProductIsNot()
    {
        var matcher = Trained.Value;

        Assert.True(matcher.Same("余额宝怎么关闭", "我的余额宝如何注销掉"));
        Assert.False(matcher.Same("余额宝怎么关闭", "花呗如何注销掉"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("😀😀")]
    [InlineData("SELECT * FROM faq; -- \"' OR 1=1")]
    public void Score_OddInput_DoesNotThrow(string text)
    {
        var score = Trained.Value.Score(text, "花呗怎么还款");

        Assert.False(double.IsNaN(score));
    }

    [Fact]
    public void Score_VeryLongText_DoesNotThrow()
    {
        var score = Trained.Value.Score(new string('花', 10_000), "花呗怎么还款");

        Assert.False(double.IsNaN(score));
    }

    [Fact]
    public void Train_FewerThanTwoPairsOfAClass_ThrowsSayingWhatIsNeeded()
    {
        QuestionPair[] pairs = [new("a", "b", true), new("c", "d", false), new("e", "f", false)];

        var error = Assert.Throws<ArgumentException>(() => QuestionMatcher.Train(pairs));

        Assert.Contains("at least two pairs labelled 1", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ChooseThreshold_SeparableScores_FallsBetweenTheClasses()
    {
        var threshold = QuestionMatcher.ChooseThreshold([(0.1, false), (0.3, false), (0.7, true), (0.9, true)]);

        Assert.Equal(0.5, threshold, 6);
    }

    [Fact]
    public void ChooseThreshold_OverlappingScores_MaximizesAccuracy()
    {
        // Above 0.45: 3 of 4 right (one "different" at 0.6); any other cut does worse.
        var threshold = QuestionMatcher.ChooseThreshold([(0.1, false), (0.2, false), (0.4, false), (0.5, true), (0.6, false), (0.8, true), (0.9, true)]);

        Assert.Equal(0.45, threshold, 6);
    }

    [Fact]
    public void ChooseThreshold_AllDifferent_IsAboveEveryScore()
    {
        var threshold = QuestionMatcher.ChooseThreshold([(0.1, false), (0.2, false)]);

        Assert.True(threshold > 0.2);
    }
}
