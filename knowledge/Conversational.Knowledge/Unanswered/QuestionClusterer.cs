using System.Numerics.Tensors;
using Conversational.Knowledge.Understanding;

namespace Conversational.Knowledge.Unanswered;

/// <summary>
/// Groups questions into clusters of the same question (问题聚类): greedy and average-linked. Questions are taken
/// oldest first; each joins the cluster it is most similar to on average, if that similarity reaches
/// <see cref="UnansweredOptions.SimilarityThreshold"/>, or starts a new one. The similarity of two questions is
/// <c>w · cosine(embeddings) + (1 − w) · Dice(character n-grams)</c> with w = <see cref="UnansweredOptions.DenseWeight"/>:
/// the embedding finds the same words in another order, the n-grams catch near-copies. Deterministic: the same
/// questions give the same clusters, named by their first question, so a cluster keeps its id as questions join it.
/// </summary>
public sealed class QuestionClusterer(UnansweredOptions options)
{
    /// <summary>Members a question is compared with by n-grams; the embedding side always averages over all of them.</summary>
    private const int GramComparisons = 8;

    private const int MaxExamples = 5;

    /// <param name="questions">Oldest first, all in one language.</param>
    /// <param name="vectors">One embedding per question, in the same order.</param>
    /// <returns>The clusters, largest first, then the most recently seen.</returns>
    public IReadOnlyList<QuestionCluster> Cluster(IReadOnlyList<UnansweredQuestion> questions, IReadOnlyList<ReadOnlyMemory<float>> vectors)
    {
        ArgumentNullException.ThrowIfNull(questions);
        ArgumentNullException.ThrowIfNull(vectors);
        if (questions.Count != vectors.Count)
        {
            throw new ArgumentException($"{questions.Count} questions but {vectors.Count} vectors.", nameof(vectors));
        }

        var groups = new List<Group>();
        for (var i = 0; i < questions.Count; i++)
        {
            var member = new Member(questions[i], Unit(vectors[i].Span), CharacterGrams.Of(questions[i].Text));
            var (best, similarity) = (default(Group), double.NegativeInfinity);
            foreach (var group in groups)
            {
                var candidate = Similarity(member, group);
                if (candidate > similarity)
                {
                    (best, similarity) = (group, candidate);
                }
            }

            if (best is not null && similarity >= options.SimilarityThreshold)
            {
                best.Add(member);
            }
            else
            {
                groups.Add(new Group(member));
            }
        }

        return [.. groups.Select(Describe)
            .OrderByDescending(cluster => cluster.Count)
            .ThenByDescending(cluster => cluster.LastSeen)
            .ThenBy(cluster => cluster.Id)];
    }

    /// <summary>The similarity of two single questions, as clustering measures it (0–1 for unit embeddings).</summary>
    public double Similarity(string first, ReadOnlySpan<float> firstVector, string second, ReadOnlySpan<float> secondVector)
    {
        ArgumentNullException.ThrowIfNull(first);
        ArgumentNullException.ThrowIfNull(second);
        var dense = TensorPrimitives.Dot(Unit(firstVector), Unit(secondVector));
        return Combine(dense, CharacterGrams.Of(first).Dice(CharacterGrams.Of(second)));
    }

    private double Similarity(Member member, Group group)
    {
        // The mean cosine to the members is the dot product with their sum over their count.
        var dense = TensorPrimitives.Dot(member.Vector, group.Sum) / group.Members.Count;
        if (Combine(dense, 1) < options.SimilarityThreshold)
        {
            return Combine(dense, 0);
        }

        var compared = group.Members.Take(GramComparisons).ToList();
        return Combine(dense, compared.Average(other => member.Grams.Dice(other.Grams)));
    }

    private double Combine(double dense, double grams) => options.DenseWeight * dense + (1 - options.DenseWeight) * grams;

    private static QuestionCluster Describe(Group group)
    {
        var members = group.Members;
        var typical = members.MaxBy(member => TensorPrimitives.Dot(member.Vector, group.Sum))!;
        var wordings = members
            .DistinctBy(member => TextNormalizer.Normalize(member.Question.Text).Trim(), StringComparer.Ordinal)
            .Select(member => member.Question.Text.Trim())
            .ToList();
        var examples = wordings.Where(text => text != typical.Question.Text.Trim()).Reverse().Take(MaxExamples - 1)
            .Prepend(typical.Question.Text.Trim()).ToList();
        var topIntent = members.GroupBy(member => member.Question.Intent, StringComparer.Ordinal)
            .OrderByDescending(intent => intent.Count()).ThenBy(intent => intent.Key, StringComparer.Ordinal).First().Key;
        return new QuestionCluster(members[0].Question.Id, members[0].Question.Language, members.Count, members[0].Question.AskedAt,
            members.Max(member => member.Question.AskedAt), typical.Question.Text.Trim(), examples, wordings, topIntent,
            [.. members.Select(member => member.Question.Id)]);
    }

    private static float[] Unit(ReadOnlySpan<float> vector)
    {
        var unit = vector.ToArray();
        var norm = TensorPrimitives.Norm(unit);
        if (norm > 0)
        {
            TensorPrimitives.Divide(unit, norm, unit);
        }

        return unit;
    }

    private sealed record Member(UnansweredQuestion Question, float[] Vector, CharacterGrams Grams);

    private sealed class Group
    {
        public Group(Member first)
        {
            Members = [first];
            Sum = (float[])first.Vector.Clone();
        }

        public List<Member> Members { get; }

        public float[] Sum { get; }

        public void Add(Member member)
        {
            Members.Add(member);
            TensorPrimitives.Add(Sum, member.Vector, Sum);
        }
    }
}
