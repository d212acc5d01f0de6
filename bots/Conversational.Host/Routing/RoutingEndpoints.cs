using System.Security.Claims;
using System.Text.Json;
using Conversational.Bots.Routing;
using Conversational.Handoff.Routing;
using Conversational.Host.Channels.App;
using Conversational.Host.Routing;
using Conversational.Host.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Microsoft.AspNetCore.Builder;

/// <summary>
/// The admin's API over the 4W1H routing rules: read the current set, replace it from the version read, and explain
/// which rule a situation meets and why. Admins only. Bodies and answers use the rules' JSON (<see cref="RoutingJson"/>).
/// Errors are ProblemDetails: 400 with every validation problem by path, 404 for no rules or an unknown customer, 409
/// with the <c>current</c> set when someone saved meanwhile.
/// </summary>
public static class RoutingEndpoints
{
    private const int MaxBodyBytes = 256 * 1024;

    private static readonly AuthorizationPolicy Admins = new AuthorizationPolicyBuilder(SecuritySchemes.StaffCookie)
        .RequireRole(Roles.Admin)
        .Build();

    public static WebApplication MapRoutingEndpoints(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var routing = app.MapGroup("/api/routing").WithTags("Routing").RequireAuthorization(Admins);
        routing.MapGet("/rules", GetAsync).WithSummary("The current rule set with its version.");
        routing.MapPut("/rules", SaveAsync).WithSummary("Replaces the rule set still at expectedVersion; applies from the next decision.");
        routing.MapPost("/explain", ExplainAsync).WithSummary("The rule a customer meets for an intent or skill, channel and time, and why.");
        return app;
    }

    private static async Task<Results<JsonHttpResult<RoutingRulesVersion>, ProblemHttpResult>> GetAsync(SqlRoutingRuleStore store,
        CancellationToken cancellationToken) =>
        await store.CurrentAsync(cancellationToken) is { } current ? Json(current) : NoRules();

    private static async Task<Results<JsonHttpResult<RoutingRulesVersion>, ProblemHttpResult, ValidationProblem>> SaveAsync(HttpContext http,
        SqlRoutingRuleStore store, CancellationToken cancellationToken)
    {
        var (edit, problem) = await ReadAsync<RoutingRulesEdit>(http.Request, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        if (edit!.ExpectedVersion is not { } expectedVersion || edit.Rules is null)
        {
            return TypedResults.Problem("expectedVersion and rules are required.", statusCode: StatusCodes.Status400BadRequest);
        }

        try
        {
            return Json(await store.SaveAsync(edit.Rules, expectedVersion, http.User.FindFirstValue(ClaimTypes.NameIdentifier)!, cancellationToken));
        }
        catch (RoutingValidationException exception)
        {
            // "rules[2].when.vipLevel: 7–11 is outside 0–10." → errors["rules[2].when.vipLevel"], so an editor shows it by the field.
            return TypedResults.ValidationProblem(
                exception.Problems
                    .Select(line => line.Split(": ", 2))
                    .GroupBy(parts => parts[0], parts => parts.Length > 1 ? parts[1] : parts[0])
                    .ToDictionary(group => group.Key, group => group.ToArray()),
                detail: string.Join(" ", exception.Problems));
        }
        catch (RoutingConflictException exception)
        {
            return TypedResults.Problem(exception.Message, statusCode: StatusCodes.Status409Conflict,
                extensions: new Dictionary<string, object?> { ["current"] = JsonSerializer.SerializeToElement(exception.Current, RoutingJson.Options) });
        }
    }

    private static async Task<Results<JsonHttpResult<RoutingExplanation>, ProblemHttpResult>> ExplainAsync(HttpContext http,
        SqlRoutingRuleStore store, RoutingRequestFactory requests, TimeProvider time, CancellationToken cancellationToken)
    {
        var (body, problem) = await ReadAsync<RoutingExplainRequest>(http.Request, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        if (string.IsNullOrWhiteSpace(body!.CustomerId) || string.IsNullOrWhiteSpace(body.Channel))
        {
            return TypedResults.Problem("customerId and channel are required.", statusCode: StatusCodes.Status400BadRequest);
        }

        if (await store.TableAsync(cancellationToken) is not { } loaded)
        {
            return NoRules();
        }

        var (rules, table) = loaded;

        var request = await requests.BuildAsync(body.CustomerId, body.Intent, body.Skill, body.Channel, body.At ?? time.GetUtcNow(),
            currentConversationId: null, cancellationToken);
        if (request is null)
        {
            return TypedResults.Problem($"There is no customer '{body.CustomerId}'.", statusCode: StatusCodes.Status404NotFound);
        }

        var decision = table.Route(request);
        return Json(new RoutingExplanation(rules.Version, request, decision.Rule, decision.Target, decision.Explanation));
    }

    private static async Task<(T? Value, ProblemHttpResult? Problem)> ReadAsync<T>(HttpRequest request, CancellationToken cancellationToken)
        where T : class
    {
        var (bytes, problem) = await JsonBody.ReadBytesAsync(request, MaxBodyBytes, cancellationToken);
        if (problem is not null)
        {
            return (null, problem);
        }

        try
        {
            return JsonSerializer.Deserialize<T>(bytes, RoutingJson.Options) is { } value
                ? (value, null)
                : (null, TypedResults.Problem("The body must be a JSON object.", statusCode: StatusCodes.Status400BadRequest));
        }
        catch (JsonException exception)
        {
            return (null, TypedResults.Problem($"The body is not valid JSON: {exception.Message}", statusCode: StatusCodes.Status400BadRequest));
        }
    }

    private static JsonHttpResult<T> Json<T>(T value) => TypedResults.Json(value, RoutingJson.Options);

    private static ProblemHttpResult NoRules() =>
        TypedResults.Problem("No routing rules are saved yet; PUT a rule set with expectedVersion 0.", statusCode: StatusCodes.Status404NotFound);
}
