using Conversational.Host.Channels.App;
using Conversational.Knowledge.Articles;
using Conversational.Knowledge.Retrieval;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Conversational.Host.Knowledge;

/// <summary>
/// The trainer console's test box (测试问题): the search the bot runs, for any question, with every retriever's part
/// of each ranked entry and whether the bot would answer.
/// </summary>
public static class KnowledgeTestBox
{
    private const int MaxBodyBytes = 16 * 1024;
    private const int Depth = 10;

    public static async Task<Results<Ok<KnowledgeTestResult>, ProblemHttpResult>> SearchAsync(HttpContext http, HybridRetriever retriever,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(retriever);
        var (body, problem) = await JsonBody.ReadAsync<KnowledgeTestRequest>(http.Request, MaxBodyBytes, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        if (body!.Question is not { } question)
        {
            return TypedResults.Problem("question is required.", statusCode: StatusCodes.Status400BadRequest);
        }

        var language = string.IsNullOrEmpty(body.Language) ? null : KnowledgeLanguages.Canonical(body.Language);
        var channel = string.IsNullOrEmpty(body.Channel) ? null : body.Channel;
        var result = await retriever.SearchAsync(question, new SearchFilter(language, channel), Depth, cancellationToken);
        return TypedResults.Ok(new KnowledgeTestResult(
            [.. result.Hits.Select(hit => new KnowledgeTestHit(hit.EntryId, hit.Chunk.Title, hit.Chunk.Text, hit.Chunk.Language,
                hit.LexicalScore, hit.LexicalRank, hit.DenseScore, hit.DenseRank, hit.FusedScore))],
            result.Confidence, retriever.Options.FloorFor(result.Best?.Chunk.Language ?? language), result.Answerable));
    }
}

/// <summary>A question to try; language and channel narrow the search as a conversation's would (empty: any).</summary>
public sealed record KnowledgeTestRequest(string? Question, string? Language, string? Channel);

/// <summary>The ranked entries, how sure the search is of the first, the floor of its language, and whether the bot would answer.</summary>
public sealed record KnowledgeTestResult(IReadOnlyList<KnowledgeTestHit> Hits, float Confidence, float Floor, bool WouldAnswer);

/// <summary>One ranked entry through its best chunk: BM25 and cosine with their ranks (null: that side missed it), fused score.</summary>
public sealed record KnowledgeTestHit(string EntryId, string Title, string MatchedText, string Language, float? Lexical, int? LexicalRank,
    float? Dense, int? DenseRank, float Fused);
