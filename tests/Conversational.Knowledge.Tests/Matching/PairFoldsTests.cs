using Conversational.Knowledge.Matching;

namespace Conversational.Knowledge.Tests.Matching;

public sealed class PairFoldsTests
{
    [Fact]
    public void Assign_GivesEachFoldItsShareOfEachClass_AndTheSameSeedTheSameFolds()
    {
        var pairs = Enumerable.Range(0, 100).Select(i => new QuestionPair($"a{i}", $"b{i}", Same: i < 30)).ToList();

        var folds = PairFolds.Assign(pairs, 5, seed: 7);

        for (var fold = 0; fold < 5; fold++)
        {
            Assert.Equal(6, pairs.Where((pair, i) => folds[i] == fold && pair.Same).Count());
            Assert.Equal(14, pairs.Where((pair, i) => folds[i] == fold && !pair.Same).Count());
        }

        Assert.Equal(folds, PairFolds.Assign(pairs, 5, seed: 7));
        Assert.NotEqual(folds, PairFolds.Assign(pairs, 5, seed: 8));
    }
}
