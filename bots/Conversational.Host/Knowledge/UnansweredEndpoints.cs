using Conversational.Host.Channels.App;
using Conversational.Knowledge.Articles;
using Conversational.Knowledge.Unanswered;
using Conversational.Knowledge.Understanding;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Conversational.Host.Knowledge;

/// <summary>
/// The trainer console's unanswered questions (未解决问题): clusters of what the bot could not answer, and the three
/// ways to close one — a new FAQ entry (live through the knowledge change feed), examples of an intent (the model is
/// retrained at once on this host) or a dismissal. 400 for a bad parameter or body, 404 for a cluster that is no
/// longer open (resolved meanwhile: reload).
/// </summary>
public static class UnansweredEndpoints
{
    private const int MaxBodyBytes = 64 * 1024;

    // A FAQ entry takes at most 100 questions of at most 500 characters (KnowledgeValidation).
    private const int MaxQuestions = 100;
    private const int MaxQuestionLength = 500;

    public static void Map(RouteGroupBuilder group)
    {
        ArgumentNullException.ThrowIfNull(group);
        group.MapGet("/", ListAsync).WithSummary("Open clusters of unanswered questions, largest first; language zh-CN or en (empty: both), days 1–MaxAgeDays.");
        group.MapPost("/{clusterId:long}/faq", CreateFaqAsync).WithSummary("A new FAQ entry with the cluster's questions as variants; closes the cluster.");
        group.MapPost("/{clusterId:long}/intent-example", AddIntentExamplesAsync)
            .WithSummary("The cluster's questions become examples of an intent; the model retrains; closes the cluster.");
        group.MapPost("/{clusterId:long}/dismiss", DismissAsync).WithSummary("Closes the cluster without a change.");
    }

    private static async Task<Results<Ok<UnansweredClusterList>, ProblemHttpResult>> ListAsync(string? language, int? days,
        UnansweredQuestions unanswered, IntentModelProvider intents, IOptions<UnansweredOptions> options, TimeProvider time,
        CancellationToken cancellationToken)
    {
        var maxAge = options.Value.MaxAgeDays;
        if (days is < 1 || days > maxAge)
        {
            return TypedResults.Problem($"days must be between 1 and {maxAge}.", statusCode: StatusCodes.Status400BadRequest);
        }

        IReadOnlyList<string> languages = KnowledgeLanguages.All;
        if (!string.IsNullOrEmpty(language))
        {
            if (!KnowledgeLanguages.All.Contains(KnowledgeLanguages.Canonical(language), StringComparer.Ordinal))
            {
                return TypedResults.Problem("language must be zh-CN or en.", statusCode: StatusCodes.Status400BadRequest);
            }

            languages = [KnowledgeLanguages.Canonical(language)];
        }

        var since = time.GetUtcNow().AddDays(-(days ?? maxAge));
        var clusters = new List<UnansweredClusterView>();
        foreach (var each in languages)
        {
            clusters.AddRange((await unanswered.ClustersAsync(each, cancellationToken)).Where(cluster => cluster.LastSeen >= since).Select(View));
        }

        var labels = (await intents.GetAsync(cancellationToken)).Model.Labels.Order(StringComparer.Ordinal).ToList();
        return TypedResults.Ok(new UnansweredClusterList([.. clusters.OrderByDescending(cluster => cluster.Count)
            .ThenByDescending(cluster => cluster.LastSeen)], labels));
    }

    private static async Task<Results<Created<UnansweredResolution>, ProblemHttpResult, ValidationProblem>> CreateFaqAsync(long clusterId,
        HttpContext http, UnansweredQuestions unanswered, SqlKnowledgeStore store, CancellationToken cancellationToken)
    {
        var (body, problem) = await JsonBody.ReadAsync<UnansweredFaqRequest>(http.Request, MaxBodyBytes, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        if (await unanswered.FindAsync(clusterId, cancellationToken) is not { } cluster)
        {
            return ClusterNotFound(clusterId);
        }

        var questions = body!.Questions
            ?? [.. cluster.Questions.Where(question => question.Length <= MaxQuestionLength).Take(MaxQuestions)];
        var content = new KnowledgeContent(body.Id ?? "", KnowledgeKind.Faq, body.Title ?? cluster.SuggestedTitle, questions, body.Answer ?? "",
            cluster.Language, body.Tags ?? [], body.Channels ?? [], null, null, body.Owner ?? "");
        var trainer = KnowledgeEndpoints.Trainer(http.User);
        try
        {
            var entry = await store.CreateAsync(content, trainer, cancellationToken);
            var resolved = await unanswered.ResolveAsync(cluster, "faq:" + entry.Id, trainer, cancellationToken);
            return TypedResults.Created($"/api/knowledge/entries/{Uri.EscapeDataString(entry.Id)}", new UnansweredResolution(resolved, entry));
        }
        catch (KnowledgeValidationException exception)
        {
            return KnowledgeEndpoints.Invalid(exception);
        }
        catch (KnowledgeConflictException exception)
        {
            return KnowledgeEndpoints.Conflict(exception);
        }
    }

    private static async Task<Results<Ok<UnansweredResolution>, ProblemHttpResult>> AddIntentExamplesAsync(long clusterId, HttpContext http,
        UnansweredQuestions unanswered, TrainerIntentExamples examples, IntentModelProvider intents, TimeProvider time,
        CancellationToken cancellationToken)
    {
        var (body, problem) = await JsonBody.ReadAsync<UnansweredIntentRequest>(http.Request, maxBytes: 1024, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        var labels = (await intents.GetAsync(cancellationToken)).Model.Labels;
        if (body!.Intent is not { } intent || !labels.Contains(intent, StringComparer.Ordinal))
        {
            return TypedResults.Problem($"intent must be one the model knows: {string.Join(", ", labels.Order(StringComparer.Ordinal))}.",
                statusCode: StatusCodes.Status400BadRequest);
        }

        if (await unanswered.FindAsync(clusterId, cancellationToken) is not { } cluster)
        {
            return ClusterNotFound(clusterId);
        }

        var trainer = KnowledgeEndpoints.Trainer(http.User);
        var added = await examples.AddAsync(cluster.Questions, intent, cluster.Language, trainer, time.GetUtcNow(), cancellationToken);
        var resolved = await unanswered.ResolveAsync(cluster, "intent:" + intent, trainer, cancellationToken);
        // A few seconds for the demo examples; the trainer waits for it so the next test message already uses it.
        var model = await intents.RetrainAsync(cancellationToken);
        return TypedResults.Ok(new UnansweredResolution(resolved, ExamplesAdded: added, ModelVersion: model.Info.Version));
    }

    private static async Task<Results<Ok<UnansweredResolution>, ProblemHttpResult>> DismissAsync(long clusterId, HttpContext http,
        UnansweredQuestions unanswered, CancellationToken cancellationToken)
    {
        if (await unanswered.FindAsync(clusterId, cancellationToken) is not { } cluster)
        {
            return ClusterNotFound(clusterId);
        }

        return TypedResults.Ok(new UnansweredResolution(
            await unanswered.ResolveAsync(cluster, "dismissed", KnowledgeEndpoints.Trainer(http.User), cancellationToken)));
    }

    private static UnansweredClusterView View(QuestionCluster cluster) => new(cluster.Id, cluster.Language, cluster.Count, cluster.FirstSeen,
        cluster.LastSeen, cluster.SuggestedTitle, cluster.Examples, cluster.Questions, cluster.TopIntent);

    private static ProblemHttpResult ClusterNotFound(long clusterId) => TypedResults.Problem(
        $"There is no open cluster {clusterId}: it was resolved or its questions moved; reload the list.", statusCode: StatusCodes.Status404NotFound);
}
