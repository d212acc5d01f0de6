using System.Security.Claims;
using Conversational.Host.Channels.App;
using Conversational.Host.Knowledge;
using Conversational.Host.Security;
using Conversational.Knowledge.Articles;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Microsoft.AspNetCore.Builder;

/// <summary>
/// The trainer console's API over knowledge entries (知识库维护): list with a text filter, read, create, edit from an
/// expected version, retire, and the version history. Trainers and admins only. Errors are ProblemDetails: 400 with
/// the broken rules by field, 404 for an unknown id, 409 with the <c>current</c> entry when it changed meanwhile. The
/// unanswered-questions view's calls are in <see cref="UnansweredEndpoints"/>.
/// </summary>
public static class KnowledgeEndpoints
{
    // An answer may hold 20,000 characters, up to three bytes each in UTF-8, plus up to a hundred questions.
    private const int MaxBodyBytes = 256 * 1024;

    private static readonly AuthorizationPolicy Trainers = new AuthorizationPolicyBuilder(SecuritySchemes.StaffCookie)
        .RequireRole(Roles.Trainer, Roles.Admin)
        .Build();

    public static WebApplication MapKnowledgeEndpoints(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var entries = app.MapGroup("/api/knowledge/entries").WithTags("Knowledge").RequireAuthorization(Trainers);
        entries.MapGet("/", ListAsync).WithSummary("Entries by id; q filters on id, title, questions, answer and tags (normalized words).");
        entries.MapGet("/{id}", GetAsync).WithSummary("One entry as it is now.");
        entries.MapPost("/", CreateAsync).WithSummary("A new entry at version 1.");
        entries.MapPut("/{id}", EditAsync).WithSummary("New content for an entry still at expectedVersion.");
        entries.MapPost("/{id}/retire", RetireAsync).WithSummary("Takes an entry out of the bot's answers; it stays, with its history.");
        entries.MapGet("/{id}/versions", HistoryAsync).WithSummary("Every version, newest first: who, when, which fields changed.");
        app.MapPost("/api/knowledge/search", KnowledgeTestBox.SearchAsync).WithTags("Knowledge").RequireAuthorization(Trainers)
            .WithSummary("The bot's knowledge search for {question, language?, channel?}: ranked entries with lexical, dense and fused scores.");
        UnansweredEndpoints.Map(app.MapGroup("/api/knowledge/unanswered").WithTags("Knowledge").RequireAuthorization(Trainers));
        return app;
    }

    private static async Task<Results<Ok<KnowledgeEntryList>, ProblemHttpResult>> ListAsync(SqlKnowledgeStore store,
        KnowledgeSearchText searchText, string? q,
        string? language, string? status, string? tag, CancellationToken cancellationToken)
    {
        KnowledgeStatus? wanted = null;
        if (!string.IsNullOrEmpty(status))
        {
            if (!Enum.TryParse<KnowledgeStatus>(status, ignoreCase: true, out var parsed) || !Enum.IsDefined(parsed))
            {
                return TypedResults.Problem("status must be active or retired.", statusCode: StatusCodes.Status400BadRequest);
            }

            wanted = parsed;
        }

        var all = await store.ListAsync(cancellationToken);
        var tags = all.SelectMany(entry => entry.Content.Tags).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var filter = new KnowledgeFilter(q, string.IsNullOrEmpty(language) ? null : language, wanted, string.IsNullOrEmpty(tag) ? null : tag);
        return TypedResults.Ok(new KnowledgeEntryList(filter.Apply(all, searchText), tags));
    }

    private static async Task<Results<Ok<KnowledgeEntry>, ProblemHttpResult>> GetAsync(string id, SqlKnowledgeStore store,
        CancellationToken cancellationToken) =>
        await store.FindAsync(id, cancellationToken) is { } entry ? TypedResults.Ok(entry) : NotFound(id);

    private static async Task<Results<Created<KnowledgeEntry>, ProblemHttpResult, ValidationProblem>> CreateAsync(HttpContext http,
        SqlKnowledgeStore store, CancellationToken cancellationToken)
    {
        var body = await JsonBody.ReadAsync<KnowledgeContentDocument>(http.Request, MaxBodyBytes, cancellationToken);
        if (body.Problem is { } problem)
        {
            return problem;
        }

        try
        {
            var entry = await store.CreateAsync(body.Value!.ToContent(), Trainer(http.User), cancellationToken);
            return TypedResults.Created($"/api/knowledge/entries/{Uri.EscapeDataString(entry.Id)}", entry);
        }
        catch (KnowledgeValidationException exception)
        {
            return Invalid(exception);
        }
        catch (KnowledgeConflictException exception)
        {
            return Conflict(exception);
        }
    }

    private static async Task<Results<Ok<KnowledgeEntry>, ProblemHttpResult, ValidationProblem>> EditAsync(string id, HttpContext http,
        SqlKnowledgeStore store, CancellationToken cancellationToken)
    {
        var body = await JsonBody.ReadAsync<KnowledgeEditRequest>(http.Request, MaxBodyBytes, cancellationToken);
        if (body.Problem is { } problem)
        {
            return problem;
        }

        var (expectedVersion, document) = body.Value!;
        if (expectedVersion is null || document is null)
        {
            return TypedResults.Problem("expectedVersion and content are required.", statusCode: StatusCodes.Status400BadRequest);
        }

        if (document.Id is { } bodyId && bodyId != id)
        {
            return TypedResults.Problem($"The content's id '{bodyId}' is not the URL's '{id}'; an entry's id never changes.",
                statusCode: StatusCodes.Status400BadRequest);
        }

        try
        {
            var entry = await store.EditAsync((document with { Id = id }).ToContent(), expectedVersion.Value, Trainer(http.User), cancellationToken);
            return entry is null ? NotFound(id) : TypedResults.Ok(entry);
        }
        catch (KnowledgeValidationException exception)
        {
            return Invalid(exception);
        }
        catch (KnowledgeConflictException exception)
        {
            return Conflict(exception);
        }
    }

    private static async Task<Results<Ok<KnowledgeEntry>, ProblemHttpResult>> RetireAsync(string id, HttpContext http, SqlKnowledgeStore store,
        CancellationToken cancellationToken)
    {
        var body = await JsonBody.ReadAsync<KnowledgeRetireRequest>(http.Request, maxBytes: 1024, cancellationToken);
        if (body.Problem is { } problem)
        {
            return problem;
        }

        if (body.Value!.ExpectedVersion is not { } expectedVersion)
        {
            return TypedResults.Problem("expectedVersion is required.", statusCode: StatusCodes.Status400BadRequest);
        }

        try
        {
            var entry = await store.RetireAsync(id, expectedVersion, Trainer(http.User), cancellationToken);
            return entry is null ? NotFound(id) : TypedResults.Ok(entry);
        }
        catch (KnowledgeConflictException exception)
        {
            return Conflict(exception);
        }
    }

    private static async Task<Results<Ok<IReadOnlyList<KnowledgeVersion>>, ProblemHttpResult>> HistoryAsync(string id, SqlKnowledgeStore store,
        CancellationToken cancellationToken) =>
        await store.HistoryAsync(id, cancellationToken) is { Count: > 0 } history ? TypedResults.Ok(history) : NotFound(id);

    internal static string Trainer(ClaimsPrincipal user) => user.FindFirstValue(ClaimTypes.NameIdentifier)!;

    private static ProblemHttpResult NotFound(string id) =>
        TypedResults.Problem($"There is no knowledge entry '{id}'.", statusCode: StatusCodes.Status404NotFound);

    // "title: must not be empty." → errors["title"] = ["must not be empty."], so the console can show each beside its field.
    internal static ValidationProblem Invalid(KnowledgeValidationException exception) => TypedResults.ValidationProblem(
        exception.Problems
            .Select(problem => problem.Split(": ", 2))
            .GroupBy(parts => parts[0], parts => parts.Length > 1 ? parts[1] : parts[0])
            .ToDictionary(group => group.Key, group => group.ToArray()),
        detail: string.Join(" ", exception.Problems));

    internal static ProblemHttpResult Conflict(KnowledgeConflictException exception) => TypedResults.Problem(exception.Message,
        statusCode: StatusCodes.Status409Conflict, extensions: new Dictionary<string, object?> { ["current"] = exception.Current });
}
