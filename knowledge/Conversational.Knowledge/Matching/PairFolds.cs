namespace Conversational.Knowledge.Matching;

/// <summary>Seeded, stratified folds of question pairs: each fold has about the same share of "same" pairs.</summary>
public static class PairFolds
{
    /// <summary>The fold (0 .. <paramref name="folds"/> − 1) of each pair, by a shuffle of each class seeded with <paramref name="seed"/>.</summary>
    public static int[] Assign(IReadOnlyList<QuestionPair> pairs, int folds, int seed)
    {
        ArgumentNullException.ThrowIfNull(pairs);
        ArgumentOutOfRangeException.ThrowIfLessThan(folds, 2);
        var random = new Random(seed);
        var assignment = new int[pairs.Count];
        foreach (var same in new[] { true, false })
        {
            var indices = Enumerable.Range(0, pairs.Count).Where(i => pairs[i].Same == same).ToArray();
            random.Shuffle(indices);
            for (var position = 0; position < indices.Length; position++)
            {
                assignment[indices[position]] = position % folds;
            }
        }

        return assignment;
    }
}
