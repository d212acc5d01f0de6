namespace Conversational.Knowledge.IntentClassification;

/// <summary>
/// Stratified ways to divide labelled examples, seeded so the same input always divides the same way: a held-out
/// share (to choose the out-of-scope threshold) and k folds (to cross-validate).
/// </summary>
public static class ExampleSplits
{
    /// <summary>
    /// Splits examples by label: from each label with n examples, holds out ⌊n × fraction⌋ (leaving at least two to
    /// train on), chosen by a shuffle seeded with <paramref name="seed"/>.
    /// </summary>
    public static (List<IntentExample> Train, List<IntentExample> HeldOut) StratifiedSplit(
        IReadOnlyList<IntentExample> examples, double fraction, int seed)
    {
        ArgumentNullException.ThrowIfNull(examples);
        var (train, heldOut) = SplitIndices(examples, fraction, seed);
        return (train.Select(i => examples[i]).ToList(), heldOut.Select(i => examples[i]).ToList());
    }

    internal static (List<int> Train, List<int> HeldOut) SplitIndices(IReadOnlyList<IntentExample> examples, double fraction, int seed)
    {
        var random = new Random(seed);
        var train = new List<int>();
        var heldOut = new List<int>();
        var groups = Enumerable.Range(0, examples.Count).GroupBy(i => examples[i].Label, StringComparer.Ordinal)
            .OrderBy(group => group.Key, StringComparer.Ordinal);
        foreach (var group in groups)
        {
            var items = group.ToArray();
            random.Shuffle(items);
            var hold = Math.Min((int)Math.Floor(items.Length * fraction), Math.Max(0, items.Length - 2));
            heldOut.AddRange(items.Take(hold));
            train.AddRange(items.Skip(hold));
        }

        return (train, heldOut);
    }

    /// <summary>
    /// Assigns every example to one of <paramref name="folds"/> folds, label by label: each label's examples are
    /// shuffled (seeded with <paramref name="seed"/>) and dealt out in turn, so every fold has its share of every label
    /// (within one example) and the same input always gives the same folds.
    /// </summary>
    /// <returns>The fold (0 … folds − 1) of each example, in the order given.</returns>
    public static int[] StratifiedFolds(IReadOnlyList<IntentExample> examples, int folds, int seed)
    {
        ArgumentNullException.ThrowIfNull(examples);
        ArgumentOutOfRangeException.ThrowIfLessThan(folds, 2);
        var random = new Random(seed);
        var assignment = new int[examples.Count];
        var next = 0;
        var groups = Enumerable.Range(0, examples.Count).GroupBy(i => examples[i].Label, StringComparer.Ordinal)
            .OrderBy(group => group.Key, StringComparer.Ordinal);
        foreach (var group in groups)
        {
            var items = group.ToArray();
            random.Shuffle(items);
            foreach (var item in items)
            {
                // Dealing on from where the last label stopped keeps the folds' sizes within one of each other.
                assignment[item] = next;
                next = (next + 1) % folds;
            }
        }

        return assignment;
    }
}
