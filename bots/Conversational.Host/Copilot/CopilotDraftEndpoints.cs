using System.Security.Claims;
using Conversational.Bots.Conversations;
using Conversational.Bots.Copilot.Llm;
using Conversational.Handoff.Queues;
using Conversational.Host.Desk;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Microsoft.AspNetCore.Builder;

/// <summary>
/// The copilot's language-model drafts for the agent a chat is assigned to: a reply to edit before sending and a handoff
/// summary. 503 when no model is configured (<c>AI:Chat</c>), 404 for an unknown conversation, 403 for one not assigned
/// to the caller, 502 when the model fails. Errors are ProblemDetails.
/// </summary>
public static class CopilotDraftEndpoints
{
    public static WebApplication MapCopilotDraftEndpoints(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var drafts = app.MapGroup("/api/desk/conversations/{conversationId}/copilot").WithTags("Copilot").RequireAuthorization(DeskPolicies.Agents);
        drafts.MapPost("/draft-reply", (string conversationId, ClaimsPrincipal user, [AsParameters] CopilotDraftServices services,
                CancellationToken cancellationToken) =>
                DraftAsync(conversationId, user, services, services.Drafter.DraftReplyAsync, cancellationToken))
            .WithSummary("A reply drafted by the language model, for the agent to edit; 503 without a model.");
        drafts.MapPost("/draft-summary", (string conversationId, ClaimsPrincipal user, [AsParameters] CopilotDraftServices services,
                CancellationToken cancellationToken) =>
                DraftAsync(conversationId, user, services, services.Drafter.DraftSummaryAsync, cancellationToken))
            .WithSummary("A short handoff summary drafted by the language model; 503 without a model.");
        return app;
    }

    private static async Task<Results<Ok<CopilotDraft>, ProblemHttpResult>> DraftAsync(string conversationId, ClaimsPrincipal user,
        CopilotDraftServices services, Func<string, CancellationToken, Task<CopilotDraft>> draft, CancellationToken cancellationToken)
    {
        if (!services.Drafter.Enabled)
        {
            return TypedResults.Problem(CopilotDrafter.NotConfigured, statusCode: StatusCodes.Status503ServiceUnavailable);
        }

        if (await services.Conversations.FindAsync(conversationId, cancellationToken) is null)
        {
            return TypedResults.Problem($"Conversation {conversationId} was not found.", statusCode: StatusCodes.Status404NotFound);
        }

        if (!(await services.Queue.ActiveConversationsAsync(DeskEndpoints.StaffId(user), cancellationToken)).Contains(conversationId))
        {
            return TypedResults.Problem($"Conversation {conversationId} is not assigned to you.", statusCode: StatusCodes.Status403Forbidden);
        }

        try
        {
            return TypedResults.Ok(await draft(conversationId, cancellationToken));
        }
        catch (CopilotModelException exception)
        {
            return TypedResults.Problem(exception.Message, statusCode: StatusCodes.Status502BadGateway);
        }
    }
}

/// <summary>What the draft endpoints use, bound with <c>[AsParameters]</c>.</summary>
public sealed record CopilotDraftServices(CopilotDrafter Drafter, IConversationStore Conversations, HandoffQueue Queue);
