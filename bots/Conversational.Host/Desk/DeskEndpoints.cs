using System.Security.Claims;
using Conversational.Bots.Activities;
using Conversational.Bots.Conversations;
using Conversational.Bots.Handoff;
using Conversational.Handoff.Agents;
using Conversational.Handoff.Assignment;
using Conversational.Handoff.Copilot;
using Conversational.Handoff.Tickets;
using Conversational.Host.Channels.App;
using Conversational.Host.Desk;
using Conversational.Host.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Microsoft.AspNetCore.Builder;

/// <summary>
/// The agent desk's API (坐席工作台). Agents act on the conversations assigned to them and read those offered or assigned
/// to them (403 for any other, 404 for an unknown id); supervisors and admins may use the read-only views. Errors are
/// ProblemDetails.
/// </summary>
public static class DeskEndpoints
{
    // Both schemes authenticate, so a customer's token is recognized and refused (403) rather than taken for nobody.
    private static readonly AuthorizationPolicy Readers = new AuthorizationPolicyBuilder(SecuritySchemes.StaffCookie, SecuritySchemes.CustomerToken)
        .RequireRole(Roles.Agent, Roles.Supervisor, Roles.Admin)
        .Build();

    private static readonly AuthorizationPolicy Agents = new AuthorizationPolicyBuilder(SecuritySchemes.StaffCookie, SecuritySchemes.CustomerToken)
        .RequireRole(Roles.Agent)
        .Build();

    public static WebApplication MapDeskEndpoints(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var read = app.MapGroup("/api/desk").WithTags("Desk").RequireAuthorization(Readers);
        read.MapGet("/state", StateAsync).WithSummary("The agent, their offers, their groups' queues and their chats.");
        read.MapGet("/conversations/{conversationId}", ConversationAsync).WithSummary("Package, messages, notes, owner and last seq.");
        read.MapGet("/conversations/{conversationId}/ticket-draft", TicketDraftAsync).WithSummary("A ticket prefilled from slots and summary.");
        read.MapGet("/dispositions", () => TypedResults.Ok(Dispositions.All)).WithSummary("The codes a conversation is closed with.");
        read.MapGet("/skill-steps/{skill}", SkillSteps).WithSummary("The steps of a skill the bot can resume at after hand-back.");
        read.MapGet("/stream", DeskStream.AcceptAsync).WithSummary("WebSocket: state changes and new messages in the agent's chats.");

        var act = app.MapGroup("/api/desk").WithTags("Desk").RequireAuthorization(Agents);
        act.MapPost("/presence", PresenceAsync).WithSummary("available, away or offline; counts as a heartbeat.");
        act.MapPost("/heartbeat", HeartbeatAsync).WithSummary("The desk is open; without heartbeats the agent goes offline.");
        act.MapPost("/offers/{conversationId}/accept", AcceptAsync).WithSummary("Takes an offer; 409 when it expired or another agent took it.");
        act.MapPost("/offers/{conversationId}/decline", DeclineAsync).WithSummary("Passes the offer on to the next agent.");
        act.MapPost("/conversations/{conversationId}/messages", ReplyAsync).WithSummary("The agent's message to the customer.");
        act.MapPost("/conversations/{conversationId}/read", MarkReadAsync).WithSummary("The agent has read up to seq.");
        act.MapPost("/conversations/{conversationId}/transfer", TransferAsync).WithSummary("To an agent or a skill group, with a note.");
        act.MapPost("/conversations/{conversationId}/handback", HandBackAsync).WithSummary("Back to the bot, optionally into a skill step.");
        act.MapPost("/conversations/{conversationId}/close", CloseAsync)
            .WithSummary("Closes with a disposition; the bot asks for a rating. 409 while mandatory disclosures are unsaid and not acknowledged.");
        act.MapPost("/conversations/{conversationId}/tickets", CreateTicketAsync).WithSummary("Opens a ticket; the customer gets its number.");
        return app;
    }

    private static async Task<Ok<AgentDeskState>> StateAsync(ClaimsPrincipal user, [AsParameters] DeskServices services,
        CancellationToken cancellationToken) =>
        TypedResults.Ok(await services.Desk.StateAsync(StaffId(user), user.FindFirstValue(ClaimTypes.Name) ?? "", cancellationToken));

    private static async Task<Results<Ok<DeskConversation>, ProblemHttpResult>> ConversationAsync(string conversationId, ClaimsPrincipal user,
        [AsParameters] DeskServices services, CancellationToken cancellationToken)
    {
        if (await services.Desk.ConversationAsync(conversationId, cancellationToken) is not { } conversation)
        {
            return NotFound(conversationId);
        }

        return await MayReadAsync(user, conversationId, services, cancellationToken) ? TypedResults.Ok(conversation) : NotYours(conversationId);
    }

    private static async Task<Results<Ok<TicketDraft>, ProblemHttpResult>> TicketDraftAsync(string conversationId, ClaimsPrincipal user,
        [AsParameters] DeskServices services, CancellationToken cancellationToken)
    {
        if (!await MayReadAsync(user, conversationId, services, cancellationToken))
        {
            return await services.Desk.ConversationAsync(conversationId, cancellationToken) is null ? NotFound(conversationId) : NotYours(conversationId);
        }

        return await services.Desk.TicketDraftAsync(conversationId, cancellationToken) is { } draft
            ? TypedResults.Ok(draft)
            : TypedResults.Problem($"Conversation {conversationId} has no handoff request.", statusCode: StatusCodes.Status404NotFound);
    }

    private static Results<Ok<IReadOnlyList<ResumeStep>>, ProblemHttpResult> SkillSteps(string skill, SkillResumeSteps steps) =>
        steps.For(skill) is { } list
            ? TypedResults.Ok(list)
            : TypedResults.Problem($"There is no skill '{skill}'.", statusCode: StatusCodes.Status404NotFound);

    private static async Task<Results<Ok<DeskAgent>, ProblemHttpResult>> PresenceAsync(HttpRequest request, ClaimsPrincipal user,
        [AsParameters] DeskServices services, CancellationToken cancellationToken)
    {
        var (body, problem) = await ReadAsync<PresenceRequest>(request, services, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        if (body!.Status is not { } text || !Enum.TryParse<AgentStatus>(text, ignoreCase: true, out var status) || !Enum.IsDefined(status)
            || int.TryParse(text, out _))
        {
            return BadRequest("status must be available, away or offline.");
        }

        if (await services.Roster.FindAsync(StaffId(user), cancellationToken) is null)
        {
            return NoProfile(StaffId(user));
        }

        return TypedResults.Ok(DeskAgent.From(await services.Roster.SetStatusAsync(StaffId(user), status, cancellationToken)));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> HeartbeatAsync(ClaimsPrincipal user, [AsParameters] DeskServices services,
        CancellationToken cancellationToken)
    {
        if (await services.Roster.FindAsync(StaffId(user), cancellationToken) is null)
        {
            return NoProfile(StaffId(user));
        }

        await services.Roster.HeartbeatAsync(StaffId(user), cancellationToken);
        return TypedResults.NoContent();
    }

    private static Task<Results<Ok<AcceptedOffer>, ProblemHttpResult>> AcceptAsync(string conversationId, ClaimsPrincipal user,
        [AsParameters] DeskServices services, CancellationToken cancellationToken) =>
        GuardAsync<Ok<AcceptedOffer>>(conversationId, async () =>
            await services.Workspace.AcceptAsync(StaffId(user), conversationId, cancellationToken) == AcceptResult.Accepted
                ? (Results<Ok<AcceptedOffer>, ProblemHttpResult>)TypedResults.Ok(new AcceptedOffer(conversationId))
                : TypedResults.Problem($"The offer of {conversationId} expired or another agent took it.", statusCode: StatusCodes.Status409Conflict));

    private static async Task<Results<NoContent, ProblemHttpResult>> DeclineAsync(string conversationId, ClaimsPrincipal user,
        [AsParameters] DeskServices services, CancellationToken cancellationToken)
    {
        if (await services.Desk.ConversationAsync(conversationId, cancellationToken) is null)
        {
            return NotFound(conversationId);
        }

        await services.Offers.DeclineAsync(StaffId(user), conversationId, cancellationToken);
        return TypedResults.NoContent();
    }

    private static async Task<Results<Created<Activity>, ProblemHttpResult>> ReplyAsync(string conversationId, HttpRequest request,
        ClaimsPrincipal user, [AsParameters] DeskServices services, CancellationToken cancellationToken)
    {
        var (body, problem) = await ReadAsync<AgentMessageRequest>(request, services, cancellationToken);
        var maxLength = services.Limits.Value.MaxMessageLength;
        if (problem is not null)
        {
            return problem;
        }

        if (string.IsNullOrWhiteSpace(body!.Text) || body.Text.Length > maxLength)
        {
            return BadRequest($"text is required, up to {maxLength} characters.");
        }

        return await GuardAsync<Created<Activity>>(conversationId, async () => TypedResults.Created((string?)null,
            await services.Workspace.ReplyAsync(StaffId(user), user.FindFirstValue(ClaimTypes.Name) ?? StaffId(user), conversationId,
                body.Text.Trim(), cancellationToken)));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> MarkReadAsync(string conversationId, HttpRequest request,
        ClaimsPrincipal user, [AsParameters] DeskServices services, CancellationToken cancellationToken)
    {
        var (body, problem) = await ReadAsync<ReadRequest>(request, services, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        if (body!.Seq is not { } seq || seq < 0)
        {
            return BadRequest("seq is required and must not be negative.");
        }

        if (!await MayReadAsync(user, conversationId, services, cancellationToken))
        {
            return await services.Desk.ConversationAsync(conversationId, cancellationToken) is null ? NotFound(conversationId) : NotYours(conversationId);
        }

        await services.ReadMarks.MarkAsync(StaffId(user), conversationId, seq, cancellationToken);
        return TypedResults.NoContent();
    }

    private static async Task<Results<Accepted, ProblemHttpResult>> TransferAsync(string conversationId, HttpRequest request, ClaimsPrincipal user,
        [AsParameters] DeskServices services, CancellationToken cancellationToken)
    {
        var (body, problem) = await ReadAsync<TransferRequest>(request, services, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        var toAgent = Blank(body!.ToAgentId);
        var toGroup = Blank(body.ToSkillGroup);
        if ((toAgent is null) == (toGroup is null))
        {
            return BadRequest("Give toAgentId or toSkillGroup, one of them.");
        }

        if (toAgent == StaffId(user))
        {
            return BadRequest("A conversation cannot be transferred to the agent who has it.");
        }

        return await GuardAsync<Accepted>(conversationId, async () =>
        {
            await services.Workspace.TransferAsync(StaffId(user), conversationId, toAgent, toGroup, Blank(body.Note), cancellationToken);
            return TypedResults.Accepted((string?)null);
        });
    }

    private static async Task<Results<Ok<BotFollowUp>, ProblemHttpResult>> HandBackAsync(string conversationId, HttpRequest request,
        ClaimsPrincipal user, [AsParameters] DeskServices services, CancellationToken cancellationToken)
    {
        var (body, problem) = await ReadOptionalAsync<HandBackRequest>(request, services, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        var step = Blank(body?.ResumeStep);
        if (step is not null)
        {
            var skill = (await services.Packages.FindAsync(conversationId, cancellationToken))?.Skill?.Skill;
            if (skill is null || !services.Steps.IsStep(skill, step))
            {
                return BadRequest($"resumeStep '{step}' is not a step of the skill the customer was in.");
            }
        }

        return await GuardAsync<Ok<BotFollowUp>>(conversationId, async () =>
            TypedResults.Ok(new BotFollowUp(await services.Workspace.HandBackAsync(StaffId(user), conversationId, step, cancellationToken))));
    }

    private static async Task<Results<Ok<BotFollowUp>, ProblemHttpResult>> CloseAsync(string conversationId, HttpRequest request,
        ClaimsPrincipal user, [AsParameters] DeskServices services, CancellationToken cancellationToken)
    {
        var (body, problem) = await ReadAsync<CloseRequest>(request, services, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        if (body!.Disposition is not { } disposition || !Dispositions.IsKnown(disposition))
        {
            return BadRequest("disposition must be a code from GET /api/desk/dispositions.");
        }

        try
        {
            return await GuardAsync<Ok<BotFollowUp>>(conversationId, async () => TypedResults.Ok(new BotFollowUp(
                await services.Workspace.CloseAsync(StaffId(user), conversationId, disposition, body.AcknowledgeMissingDisclosures ?? false,
                    cancellationToken))));
        }
        catch (MissingDisclosuresException missing)
        {
            return TypedResults.Problem("Mandatory disclosures have not been said; say them, or close again acknowledging them.",
                statusCode: StatusCodes.Status409Conflict, title: "Missing disclosures",
                extensions: new Dictionary<string, object?>
                {
                    ["missingDisclosures"] = missing.Missing.Select(rule => new MissingDisclosure(rule.Id, rule.Title)).ToList(),
                });
        }
    }

    private static async Task<Results<Created<HandoffTicket>, ProblemHttpResult>> CreateTicketAsync(string conversationId, HttpRequest request,
        ClaimsPrincipal user, [AsParameters] DeskServices services, CancellationToken cancellationToken)
    {
        var (body, problem) = await ReadAsync<TicketRequest>(request, services, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        if (Blank(body!.Text) is not { } text)
        {
            return BadRequest("text is required.");
        }

        var kind = Blank(body.Kind) ?? AgentWorkspace.AgentTicketKind;
        if (kind != AgentWorkspace.AgentTicketKind && CopilotBusinesses.All.All(business => TicketTemplates.For(business).Kind != kind))
        {
            return BadRequest("kind must be a ticket template's kind (the ticket draft's) or agent.");
        }

        return await GuardAsync<Created<HandoffTicket>>(conversationId, async () => TypedResults.Created((string?)null,
            await services.Workspace.CreateTicketAsync(StaffId(user), conversationId, kind, text, body.Fields ?? [], cancellationToken)));
    }

    /// <summary>An agent reads what is offered or assigned to them; supervisors and admins read every conversation.</summary>
    internal static async Task<bool> MayReadAsync(ClaimsPrincipal user, string conversationId, DeskServices services,
        CancellationToken cancellationToken) =>
        user.IsInRole(Roles.Supervisor) || user.IsInRole(Roles.Admin)
        || await services.Desk.MayReadAsync(StaffId(user), conversationId, cancellationToken);

    /// <summary>Runs an agent's action, answering 404 for an unknown conversation and 403 for one that is not theirs.</summary>
    private static async Task<Results<T, ProblemHttpResult>> GuardAsync<T>(string conversationId, Func<Task<Results<T, ProblemHttpResult>>> act)
        where T : IResult
    {
        try
        {
            return await act();
        }
        catch (ConversationNotFoundException)
        {
            return NotFound(conversationId);
        }
        catch (AgentAccessDeniedException)
        {
            return NotYours(conversationId);
        }
    }

    private static Task<Results<T, ProblemHttpResult>> GuardAsync<T>(string conversationId, Func<Task<T>> act) where T : IResult =>
        GuardAsync(conversationId, async () => (Results<T, ProblemHttpResult>)await act());

    private static Task<(T? Value, ProblemHttpResult? Problem)> ReadAsync<T>(HttpRequest request, DeskServices services,
        CancellationToken cancellationToken) where T : class =>
        JsonBody.ReadAsync<T>(request, services.Limits.Value.MaxRequestBodyBytes, cancellationToken);

    /// <summary>A body that may be left out altogether (hand back without a step).</summary>
    private static async Task<(T? Value, ProblemHttpResult? Problem)> ReadOptionalAsync<T>(HttpRequest request, DeskServices services,
        CancellationToken cancellationToken) where T : class =>
        request.ContentLength is 0 || (request.ContentLength is null && !request.HasJsonContentType())
            ? (null, null)
            : await ReadAsync<T>(request, services, cancellationToken);

    internal static string StaffId(ClaimsPrincipal user) =>
        user.FindFirstValue(ClaimTypes.NameIdentifier) ?? throw new InvalidOperationException("A staff principal has no id.");

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    internal static ProblemHttpResult NotFound(string conversationId) =>
        TypedResults.Problem($"Conversation {conversationId} was not found.", statusCode: StatusCodes.Status404NotFound);

    internal static ProblemHttpResult NotYours(string conversationId) =>
        TypedResults.Problem($"Conversation {conversationId} is not offered or assigned to you.", statusCode: StatusCodes.Status403Forbidden);

    private static ProblemHttpResult NoProfile(string agentId) =>
        TypedResults.Problem($"There is no agent profile for {agentId}.", statusCode: StatusCodes.Status404NotFound);

    internal static ProblemHttpResult BadRequest(string detail) => TypedResults.Problem(detail, statusCode: StatusCodes.Status400BadRequest);
}
