using Conversational.Bots.Activities;
using Conversational.Bots.Conversations;
using Conversational.Bots.Copilot;
using Conversational.Bots.Turns;
using Conversational.Handoff.Assignment;
using Conversational.Handoff.Queues;
using Conversational.Handoff.Tickets;
using Microsoft.Extensions.Logging;

namespace Conversational.Bots.Handoff;

/// <summary>
/// What an agent (坐席) does to a conversation from the desk: accept, reply, transfer (转接), hand back to the bot,
/// close, open a ticket. Each action is an event appended under the conversation's turn lock at the version just read,
/// so it never lands in the middle of a customer's turn and two hosts cannot both act on one conversation at once.
/// Only the agent the conversation is assigned to may act on it (<see cref="AgentAccessDeniedException"/>).
/// </summary>
public sealed partial class AgentWorkspace(IConversationStore store, ConversationStateCache states, ConversationChangeFeed changes,
    ConversationRuntime runtime, HandoffQueue queue, AgentOffers offers, HandoffTickets tickets, CopilotInputsReader copilot,
    OpeningDetection openings, OutOfTurnDeliveries outOfTurn, ILogger<AgentWorkspace> logger)
{
    /// <summary>The kind of a ticket the agent writes without a business template.</summary>
    public const string AgentTicketKind = "agent";

    /// <summary>Takes an offered conversation; on success the conversation is the agent's and the bot falls silent.</summary>
    /// <exception cref="ConversationNotFoundException">No such conversation.</exception>
    public async Task<AcceptResult> AcceptAsync(string agentId, string conversationId, CancellationToken cancellationToken)
    {
        _ = await store.FindAsync(conversationId, cancellationToken) ?? throw new ConversationNotFoundException(conversationId);
        var result = await offers.AcceptAsync(agentId, conversationId, cancellationToken);
        if (result == AcceptResult.Accepted)
        {
            // The queue already says who won, exactly once; the log follows it.
            await AppendAsync(conversationId, _ => new AgentAssigned(agentId), cancellationToken);
            LogAccepted(conversationId, agentId);
        }

        return result;
    }

    /// <summary>The agent's message to the customer, as stored (its id is its sequence number).</summary>
    public async Task<Activity> ReplyAsync(string agentId, string agentName, string conversationId, string text,
        CancellationToken cancellationToken)
    {
        var stored = await AppendAsync(conversationId, state => new AgentReplied(new Activity
        {
            Type = ActivityTypes.Message,
            ChannelId = state.Channel,
            From = new ChannelAccount(agentId, agentName, RoleTypes.Agent),
            Recipient = new ChannelAccount(state.CustomerId, Role: RoleTypes.User),
            Conversation = new ConversationAccount(conversationId),
            Text = text,
            Locale = state.Locale,
        }), cancellationToken, agentId);
        var reply = ConversationTranscript.ToActivity(stored)!;
        await outOfTurn.DeliverAsync([reply]);
        // Outside the turn lock: whether the agent just pitched an offer (启齿率).
        await openings.ObserveAsync(conversationId, cancellationToken);
        return reply;
    }

    /// <summary>
    /// Records what the agent did with a copilot suggestion (<see cref="CopilotSuggestionUsed"/>,
    /// <see cref="CopilotSuggestionDismissed"/>); only the agent who has the chat can.
    /// </summary>
    public async Task RecordCopilotFeedbackAsync(string agentId, string conversationId, ConversationEvent feedback,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(feedback);
        await AppendAsync(conversationId, _ => feedback, cancellationToken, agentId);
    }

    /// <summary>
    /// 转接: passes the conversation to another agent or a skill group with a note. The queue moves first, so a failure
    /// there leaves the conversation with this agent; the customer waits again until the next agent accepts.
    /// </summary>
    public async Task TransferAsync(string agentId, string conversationId, string? toAgentId, string? toSkillGroup, string? note,
        CancellationToken cancellationToken)
    {
        await AppendAsync(conversationId, async _ =>
        {
            await queue.TransferAsync(conversationId, agentId, toAgentId, toSkillGroup, cancellationToken);
            return [new HandoffTransferred(agentId, toAgentId, toSkillGroup, note)];
        }, cancellationToken, agentId);
        LogTransferred(conversationId, agentId, toAgentId ?? toSkillGroup);
    }

    /// <summary>
    /// Gives the conversation back to the bot, optionally into <paramref name="resumeStep"/> of the skill the customer was
    /// in; frees the agent's capacity and returns what the bot says next.
    /// </summary>
    public async Task<IReadOnlyList<Activity>> HandBackAsync(string agentId, string conversationId, string? resumeStep,
        CancellationToken cancellationToken)
    {
        await AppendAsync(conversationId, _ => new HandedBackToBot(agentId, resumeStep), cancellationToken, agentId);
        return await ReleaseAndFollowUpAsync(agentId, conversationId, cancellationToken);
    }

    /// <summary>
    /// Closes with a disposition code (处理结果); the bot then asks the customer for a rating. The mandatory disclosures
    /// (必须告知) of the chat's business the agent has not said stop the close unless the agent acknowledges them, which is
    /// recorded (<see cref="DisclosuresMissed"/>) for quality inspection.
    /// </summary>
    /// <exception cref="MissingDisclosuresException">Mandatory disclosures are unsaid and not acknowledged; nothing changed.</exception>
    public async Task<IReadOnlyList<Activity>> CloseAsync(string agentId, string conversationId, string disposition,
        bool acknowledgeMissingDisclosures, CancellationToken cancellationToken)
    {
        // Read before the lock: only this agent writes agent messages, and they are closing.
        var missing = await copilot.ReadAsync(conversationId, cancellationToken) is { } inputs
            ? AgentCopilot.Checklist(inputs).Where(item => item.Rule.Mandatory && !item.Ticked).Select(item => item.Rule).ToList()
            : [];
        await AppendAsync(conversationId, state =>
        {
            if (missing.Count > 0 && !acknowledgeMissingDisclosures)
            {
                throw new MissingDisclosuresException(conversationId, missing);
            }

            IReadOnlyList<ConversationEvent> events = missing.Count > 0
                ? [new DisclosuresMissed(agentId, [.. missing.Select(rule => rule.Id)]), new HandoffClosed(agentId, disposition)]
                : [new HandoffClosed(agentId, disposition)];
            return Task.FromResult(events);
        }, cancellationToken, agentId);
        return await ReleaseAndFollowUpAsync(agentId, conversationId, cancellationToken);
    }

    /// <summary>Opens a ticket (工单) for the customer and tells them its number in the chat.</summary>
    /// <param name="kind">The ticket template's kind (<c>TicketTemplates</c>), or <see cref="AgentTicketKind"/>.</param>
    public async Task<HandoffTicket> CreateTicketAsync(string agentId, string conversationId, string kind, string text,
        IReadOnlyDictionary<string, string> fields, CancellationToken cancellationToken)
    {
        HandoffTicket? ticket = null;
        var notice = await AppendAsync(conversationId, async state =>
        {
            ticket = await tickets.CreateAsync(conversationId, state.CustomerId, kind, text, fields, agentId, cancellationToken);
            return [new BotReplied(new Activity
            {
                Type = ActivityTypes.Message,
                ChannelId = state.Channel,
                From = new ChannelAccount("bot", Role: RoleTypes.Bot),
                Recipient = new ChannelAccount(state.CustomerId, Role: RoleTypes.User),
                Conversation = new ConversationAccount(conversationId),
                Text = TicketNotice(ticket.TicketId, state.Locale),
                Locale = state.Locale,
            })];
        }, cancellationToken, agentId);
        await outOfTurn.DeliverAsync(ConversationTranscript.ToActivities(notice));
        return ticket!;
    }

    private async Task<IReadOnlyList<Activity>> ReleaseAndFollowUpAsync(string agentId, string conversationId, CancellationToken cancellationToken)
    {
        await queue.ReleaseAsync(conversationId, agentId, cancellationToken);
        // Outside the turn lock: the bot's follow-up takes it itself.
        var replies = await runtime.FollowUpAfterAgentAsync(conversationId, cancellationToken);
        await outOfTurn.DeliverAsync(replies);
        return replies;
    }

    private async Task<StoredEvent> AppendAsync(string conversationId, Func<ConversationState, ConversationEvent> produce,
        CancellationToken cancellationToken, string? ownerAgentId = null) =>
        (await AppendAsync(conversationId, state => Task.FromResult<IReadOnlyList<ConversationEvent>>([produce(state)]), cancellationToken,
            ownerAgentId))[^1];

    /// <summary>
    /// Appends events under the turn lock at the version read. With <paramref name="ownerAgentId"/> the conversation
    /// must be assigned to that agent before <paramref name="produce"/> runs (it may act on the queue or tickets first).
    /// </summary>
    private async Task<IReadOnlyList<StoredEvent>> AppendAsync(string conversationId, Func<ConversationState, Task<IReadOnlyList<ConversationEvent>>> produce,
        CancellationToken cancellationToken, string? ownerAgentId = null)
    {
        await using var turnLock = await store.LockTurnAsync(conversationId, cancellationToken);
        var cached = states.Get(conversationId);
        var state = (await store.ReadAsync(conversationId, cached.Version, cancellationToken)).Aggregate(cached, (s, e) => s.Apply(e));
        if (state.Version == 0)
        {
            throw new ConversationNotFoundException(conversationId);
        }

        if (ownerAgentId is not null && (state.Owner != ConversationOwner.Agent || state.AgentId != ownerAgentId))
        {
            throw new AgentAccessDeniedException(ownerAgentId, conversationId);
        }

        var stored = await store.AppendAsync(conversationId, state.Version, await produce(state), cancellationToken);
        states.Set(stored.Aggregate(state, (s, e) => s.Apply(e)));
        changes.Publish(conversationId);
        return stored;
    }

    private static string TicketNotice(string ticketId, string locale) => locale.StartsWith("en", StringComparison.OrdinalIgnoreCase)
        ? $"We have opened ticket {ticketId} for you; you will hear from us as soon as it is handled."
        : $"已为您登记工单 {ticketId}，处理后我们会尽快联系您。";

    [LoggerMessage(Level = LogLevel.Information, Message = "Agent {AgentId} accepted {ConversationId}")]
    private partial void LogAccepted(string conversationId, string agentId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Agent {AgentId} transferred {ConversationId} to {Target}")]
    private partial void LogTransferred(string conversationId, string agentId, string? target);
}
