using System.Security.Claims;
using Conversational.Bots.Conversations;
using Conversational.Bots.Copilot;
using Conversational.Bots.Handoff;
using Conversational.Host.Channels.App;
using Conversational.Host.Desk;
using Conversational.Host.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Microsoft.AspNetCore.Builder;

/// <summary>
/// The copilot beside a desk chat (坐席助手): its view, as the desk stream also pushes it, and the agent's feedback on its
/// suggestions. The desk's access rules: 404 for an unknown conversation, 403 for one not offered or assigned to the agent;
/// only the agent who has the chat gives feedback.
/// </summary>
public static class CopilotEndpoints
{
    private static readonly AuthorizationPolicy Readers = new AuthorizationPolicyBuilder(SecuritySchemes.StaffCookie, SecuritySchemes.CustomerToken)
        .RequireRole(Roles.Agent, Roles.Supervisor, Roles.Admin)
        .Build();

    private static readonly AuthorizationPolicy Agents = new AuthorizationPolicyBuilder(SecuritySchemes.StaffCookie, SecuritySchemes.CustomerToken)
        .RequireRole(Roles.Agent)
        .Build();

    public static WebApplication MapCopilotEndpoints(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapGet("/api/desk/conversations/{conversationId}/copilot", ViewAsync).WithTags("Copilot").RequireAuthorization(Readers)
            .WithSummary("Suggestions, the disclosure checklist, the service-sales shelf and a ticket draft for the chat.");
        app.MapPost("/api/desk/conversations/{conversationId}/copilot/feedback", FeedbackAsync).WithTags("Copilot").RequireAuthorization(Agents)
            .WithSummary("The agent used (maybe edited) or dismissed a suggestion; recorded on the conversation.");
        return app;
    }

    private static async Task<Results<Ok<CopilotView>, ProblemHttpResult>> ViewAsync(string conversationId, ClaimsPrincipal user,
        AgentCopilot copilot, [AsParameters] DeskServices services, CancellationToken cancellationToken)
    {
        if (!await DeskEndpoints.MayReadAsync(user, conversationId, services, cancellationToken))
        {
            return await services.Desk.ConversationAsync(conversationId, cancellationToken) is null
                ? DeskEndpoints.NotFound(conversationId)
                : DeskEndpoints.NotYours(conversationId);
        }

        return await copilot.ViewAsync(conversationId, cancellationToken) is { } view ? TypedResults.Ok(view) : DeskEndpoints.NotFound(conversationId);
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> FeedbackAsync(string conversationId, HttpRequest request,
        ClaimsPrincipal user, [AsParameters] DeskServices services, CancellationToken cancellationToken)
    {
        var (body, problem) = await JsonBody.ReadAsync<CopilotFeedbackRequest>(request, services.Limits.Value.MaxRequestBodyBytes, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        if (SuggestionKind(body!.SuggestionId) is not { } kind)
        {
            return DeskEndpoints.BadRequest("suggestionId must be a suggestion's id (script:… or kb:…).");
        }

        var agentId = DeskEndpoints.StaffId(user);
        ConversationEvent? feedback = body.Action switch
        {
            "used" => new CopilotSuggestionUsed(body.SuggestionId!, kind, agentId, body.Edited ?? false),
            "dismissed" => new CopilotSuggestionDismissed(body.SuggestionId!, kind, agentId),
            _ => null,
        };
        if (feedback is null)
        {
            return DeskEndpoints.BadRequest("action must be used or dismissed.");
        }

        try
        {
            await services.Workspace.RecordCopilotFeedbackAsync(agentId, conversationId, feedback, cancellationToken);
            return TypedResults.NoContent();
        }
        catch (ConversationNotFoundException)
        {
            return DeskEndpoints.NotFound(conversationId);
        }
        catch (AgentAccessDeniedException)
        {
            return DeskEndpoints.NotYours(conversationId);
        }
    }

    /// <summary>A suggestion's kind from its id (<see cref="CopilotSuggestion.Id"/>), or null for an id the copilot never gives.</summary>
    private static string? SuggestionKind(string? suggestionId) => suggestionId switch
    {
        { Length: > 7 and <= 200 } id when id.StartsWith("script:", StringComparison.Ordinal) => "script",
        { Length: > 3 and <= 200 } id when id.StartsWith("kb:", StringComparison.Ordinal) => "knowledge",
        _ => null,
    };
}

/// <param name="Action"><c>used</c> (inserted into a reply, <paramref name="Edited"/> if changed first) or <c>dismissed</c>.</param>
public sealed record CopilotFeedbackRequest(string? SuggestionId, string? Action, bool? Edited);
