using System.Globalization;
using System.Security.Claims;
using System.Text.Json;
using Conversational.Bots.Conversations;
using Conversational.Handoff.Copilot;
using Conversational.Host.Channels.App;
using Conversational.Host.Copilot;
using Conversational.Host.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Microsoft.AspNetCore.Builder;

/// <summary>
/// The copilot catalogue's API (话术、合规披露、服销货架): one versioned document of reply scripts, disclosures and
/// offers. Every staff role reads it (the desk shows it, the supervisor names offers by it); trainers and admins change
/// it one item at a time, from the catalogue version they read. Errors are ProblemDetails: 400 with the broken rules
/// keyed by path (<c>scripts[3].text</c>) plus the edited item's own path as <c>itemPath</c>, 404 for an unknown id,
/// 409 with the <c>current</c> version when someone saved meanwhile.
/// </summary>
public static class CopilotCatalogEndpoints
{
    // A single item: scripts and wordings of up to 2,000 characters, up to three bytes each in UTF-8, a few of them.
    private const int MaxBodyBytes = 64 * 1024;
    private const int DefaultHistory = 20;
    private const int MaxHistory = 200;

    private static readonly AuthorizationPolicy Readers = new AuthorizationPolicyBuilder(SecuritySchemes.StaffCookie)
        .RequireRole(Roles.Agent, Roles.Supervisor, Roles.Trainer, Roles.Admin)
        .Build();

    private static readonly AuthorizationPolicy Editors = new AuthorizationPolicyBuilder(SecuritySchemes.StaffCookie)
        .RequireRole(Roles.Trainer, Roles.Admin)
        .Build();

    public static WebApplication MapCopilotCatalogEndpoints(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var catalog = app.MapGroup("/api/copilot/catalog").WithTags("Copilot");
        catalog.MapGet("/", GetAsync).RequireAuthorization(Readers).WithSummary("Every script, disclosure and offer, with the catalogue version.");
        catalog.MapGet("/history", HistoryAsync).RequireAuthorization(Editors).WithSummary("Saved versions, newest first: who, when, how many items.");
        catalog.MapPut("/{kind}/{id}", PutAsync).RequireAuthorization(Editors)
            .WithSummary("Creates or replaces one item (kind: scripts, disclosures, offers) from expectedVersion; retire by setting retired.");
        catalog.MapDelete("/{kind}/{id}", DeleteAsync).RequireAuthorization(Editors)
            .WithSummary("Removes one item from expectedVersion (a query parameter).");
        return app;
    }

    private static async Task<Ok<CopilotCatalogView>> GetAsync(SqlCopilotCatalogStore store, CancellationToken cancellationToken) =>
        TypedResults.Ok(CopilotCatalogView.From(await store.CurrentAsync(cancellationToken)));

    private static async Task<Results<Ok<IReadOnlyList<CopilotCatalogHistoryItem>>, ProblemHttpResult>> HistoryAsync(SqlCopilotCatalogStore store,
        int? limit, CancellationToken cancellationToken)
    {
        if (limit is < 1 or > MaxHistory)
        {
            return TypedResults.Problem($"limit must be 1–{MaxHistory}.", statusCode: StatusCodes.Status400BadRequest);
        }

        var history = await store.HistoryAsync(limit ?? DefaultHistory, cancellationToken);
        return TypedResults.Ok<IReadOnlyList<CopilotCatalogHistoryItem>>([.. history.Select(CopilotCatalogHistoryItem.From)]);
    }

    private static async Task<Results<Ok<CopilotCatalogView>, ProblemHttpResult, ValidationProblem>> PutAsync(string kind, string id,
        HttpContext http, SqlCopilotCatalogStore store, CancellationToken cancellationToken)
    {
        if (CopilotCatalogKind.Find(kind) is not { } list)
        {
            return UnknownKind(kind);
        }

        var body = await JsonBody.ReadAsync<CopilotItemEdit>(http.Request, MaxBodyBytes, cancellationToken);
        if (body.Problem is { } problem)
        {
            return problem;
        }

        if (body.Value!.ExpectedVersion is not { } expectedVersion || body.Value.Item is not { ValueKind: JsonValueKind.Object } item)
        {
            return TypedResults.Problem("expectedVersion and item (an object) are required.", statusCode: StatusCodes.Status400BadRequest);
        }

        if (item.TryGetProperty("id", out var bodyId) && bodyId.ValueKind != JsonValueKind.Null && bodyId.ToString() != id)
        {
            return TypedResults.Problem($"The item's id '{bodyId}' is not the URL's '{id}'; an item's id never changes.",
                statusCode: StatusCodes.Status400BadRequest);
        }

        var current = await store.CurrentAsync(cancellationToken);
        if (current.Version != expectedVersion)
        {
            return Conflict(current);
        }

        CopilotCatalog changed;
        int index;
        try
        {
            (changed, index) = list.Put(current.Catalog, id, item, ConversationJson.Options);
        }
        catch (JsonException exception)
        {
            return TypedResults.Problem($"The item is not a valid {list.Name} item: {exception.Message}", statusCode: StatusCodes.Status400BadRequest);
        }

        return await SaveAsync(store, changed, expectedVersion, http.User, list.PathOf(index), cancellationToken);
    }

    // expectedVersion is read as text so that a missing or malformed one gets the same ProblemDetails as every other error.
    private static async Task<Results<Ok<CopilotCatalogView>, ProblemHttpResult, ValidationProblem>> DeleteAsync(string kind, string id,
        string? expectedVersion, HttpContext http, SqlCopilotCatalogStore store, CancellationToken cancellationToken)
    {
        if (CopilotCatalogKind.Find(kind) is not { } list)
        {
            return UnknownKind(kind);
        }

        if (!long.TryParse(expectedVersion, NumberStyles.None, CultureInfo.InvariantCulture, out var expected))
        {
            return TypedResults.Problem("expectedVersion (a number) is required.", statusCode: StatusCodes.Status400BadRequest);
        }

        var current = await store.CurrentAsync(cancellationToken);
        if (list.IndexOf(current.Catalog, id) < 0)
        {
            return TypedResults.Problem($"There is no {list.Name} item '{id}'.", statusCode: StatusCodes.Status404NotFound);
        }

        return current.Version != expected
            ? Conflict(current)
            : await SaveAsync(store, list.Remove(current.Catalog, id), expected, http.User, itemPath: null, cancellationToken);
    }

    private static async Task<Results<Ok<CopilotCatalogView>, ProblemHttpResult, ValidationProblem>> SaveAsync(SqlCopilotCatalogStore store,
        CopilotCatalog catalog, long expectedVersion, ClaimsPrincipal user, string? itemPath, CancellationToken cancellationToken)
    {
        try
        {
            var saved = await store.SaveAsync(catalog, expectedVersion, user.FindFirstValue(ClaimTypes.NameIdentifier)!, cancellationToken);
            return TypedResults.Ok(CopilotCatalogView.From(saved));
        }
        catch (CopilotCatalogValidationException exception)
        {
            // errors["scripts[3].text"] = [...]; itemPath "scripts[3]" lets an editor show the item's own errors by its fields.
            return TypedResults.ValidationProblem(
                exception.Errors.GroupBy(error => error.Path, error => error.Message).ToDictionary(group => group.Key, group => group.ToArray()),
                detail: string.Join(" ", exception.Errors.Select(error => $"{error.Path}: {error.Message}")),
                extensions: new Dictionary<string, object?> { ["itemPath"] = itemPath });
        }
        catch (CopilotCatalogConflictException)
        {
            // Another trainer saved between the read above and this save.
            return Conflict(await store.CurrentAsync(cancellationToken));
        }
    }

    private static ProblemHttpResult Conflict(CopilotCatalogVersion current) => TypedResults.Problem(
        $"The catalogue was changed by {current.ChangedBy} (now version {current.Version}); nothing was saved.",
        statusCode: StatusCodes.Status409Conflict,
        extensions: new Dictionary<string, object?>
        {
            ["current"] = new { version = current.Version, changedAt = current.ChangedAt, changedBy = current.ChangedBy },
        });

    private static ProblemHttpResult UnknownKind(string kind) => TypedResults.Problem(
        $"'{kind}' is not a catalogue list; use {string.Join(", ", CopilotCatalogKind.All.Select(list => list.Name))}.",
        statusCode: StatusCodes.Status404NotFound);
}
