using Conversational.Knowledge.Articles;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Options;

namespace Conversational.Knowledge.Unanswered;

/// <summary>
/// The trainer loop's view of what the bot could not answer (未解决问题): the open questions of the last
/// <see cref="UnansweredOptions.MaxAgeDays"/> days clustered per language with the knowledge base's embedder, and the
/// resolution of a whole cluster once a trainer has acted on it. Clusters are computed on demand, not stored, so the
/// same cluster id names the same questions as long as no older question is resolved meanwhile.
/// </summary>
public sealed class UnansweredQuestions(SqlUnansweredStore store, IEmbeddingGenerator<string, Embedding<float>> embedder,
    IOptions<UnansweredOptions> options, TimeProvider time)
{
    private readonly QuestionClusterer _clusterer = new(options.Value);

    /// <summary>The open clusters in <paramref name="language"/>, largest first.</summary>
    public async Task<IReadOnlyList<QuestionCluster>> ClustersAsync(string language, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var since = time.GetUtcNow().AddDays(-settings.MaxAgeDays);
        var questions = await store.OpenAsync(KnowledgeLanguages.Canonical(language), since, settings.MaxQuestions, cancellationToken);
        if (questions.Count == 0)
        {
            return [];
        }

        var embeddings = await embedder.GenerateAsync(questions.Select(question => question.Text), cancellationToken: cancellationToken);
        return _clusterer.Cluster(questions, [.. embeddings.Select(embedding => embedding.Vector)]);
    }

    /// <summary>The open cluster that holds the question <paramref name="id"/> (usually its first); null when there is none.</summary>
    public async Task<QuestionCluster?> FindAsync(long id, CancellationToken cancellationToken)
    {
        foreach (var language in KnowledgeLanguages.All)
        {
            if ((await ClustersAsync(language, cancellationToken)).FirstOrDefault(cluster => cluster.QuestionIds.Contains(id)) is { } found)
            {
                return found;
            }
        }

        return null;
    }

    /// <summary>Closes every question of the cluster, so it leaves the view; returns how many were still open.</summary>
    public Task<int> ResolveAsync(QuestionCluster cluster, string resolution, string resolvedBy, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        return store.ResolveAsync(cluster.QuestionIds, resolution, resolvedBy, time.GetUtcNow(), cancellationToken);
    }
}
