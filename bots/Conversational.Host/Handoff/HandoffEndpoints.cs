using Conversational.Bots.Conversations;
using Conversational.Bots.Handoff;
using Conversational.Handoff.Packages;
using Conversational.Host.Channels.App;
using Conversational.Host.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Microsoft.AspNetCore.Builder;

/// <summary>
/// The handoff package for staff, and the app back end's report of what the customer does in the app (behaviour the
/// package puts on its timeline). A customer never sees the package: it is agent-side data.
/// </summary>
public static class HandoffEndpoints
{
    private const int MaxLabelLength = 200;

    // Both schemes authenticate, so a customer's token is recognized and refused (403) rather than taken for nobody.
    private static readonly AuthorizationPolicy Agents = new AuthorizationPolicyBuilder(SecuritySchemes.StaffCookie, SecuritySchemes.CustomerToken)
        .RequireRole(Roles.Agent, Roles.Supervisor)
        .Build();

    public static WebApplication MapHandoffEndpoints(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapGet("/api/conversations/{conversationId}/handoff-package", PackageAsync).WithTags("Handoff").RequireAuthorization(Agents)
            .WithSummary("The handoff package (schema 1.x) for agents and supervisors; 404 when nobody asked for a person.");
        app.MapPost("/api/conversations/{conversationId}/behaviour", RecordBehaviourAsync).WithTags("App").AllowAnonymous()
            .WithSummary("The merchant's back end (X-Api-Key) reports what the customer did in the app, e.g. viewed a page.");
        return app;
    }

    private static async Task<Results<JsonHttpResult<HandoffPackage>, ProblemHttpResult>> PackageAsync(string conversationId, HandoffPackages packages,
        CancellationToken cancellationToken) =>
        await packages.FindAsync(conversationId, cancellationToken) is { } package
            // The package's own JSON shape (nulls written), the one its committed schema describes.
            ? TypedResults.Json(package, HandoffPackageJson.Options)
            : TypedResults.Problem($"Conversation {conversationId} has no handoff request.", statusCode: StatusCodes.Status404NotFound);

    private static async Task<Results<Accepted, ProblemHttpResult>> RecordBehaviourAsync(string conversationId, HttpRequest request,
        [AsParameters] AppChannelServices services)
    {
        var options = services.Options.Value;
        if (!SharedSecrets.IsKnown(request.Headers[CustomerSessions.ApiKeyHeader].ToString(), options.SessionApiKeys))
        {
            return TypedResults.Problem($"A valid {CustomerSessions.ApiKeyHeader} is required.", statusCode: StatusCodes.Status401Unauthorized);
        }

        var cancellationToken = request.HttpContext.RequestAborted;
        var body = await JsonBody.ReadAsync<CustomerBehaviourRequest>(request, options.MaxRequestBodyBytes, cancellationToken);
        if (body.Problem is { } problem)
        {
            return problem;
        }

        if (body.Value is not { Action: { Length: > 0 and <= MaxLabelLength } action, Label: { Length: > 0 and <= MaxLabelLength } label }
            || string.IsNullOrWhiteSpace(action) || string.IsNullOrWhiteSpace(label))
        {
            return TypedResults.Problem($"action and label are required, up to {MaxLabelLength} characters each.",
                statusCode: StatusCodes.Status400BadRequest);
        }

        if (await services.Store.FindAsync(conversationId, cancellationToken) is null)
        {
            return AppChannelEndpoints.NotFound(conversationId);
        }

        await services.Runtime.RecordAsync(conversationId, new CustomerBehaviour(action.Trim(), label.Trim()), cancellationToken);
        return TypedResults.Accepted((string?)null);
    }
}

/// <summary>What the customer did in the app: <paramref name="Action"/> such as <c>viewed_page</c>, on <paramref name="Label"/>.</summary>
public sealed record CustomerBehaviourRequest(string? Action, string? Label);
