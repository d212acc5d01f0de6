using System.Text.Json;
using Conversational.Bots.Conversations;
using Conversational.Bots.Copilot;
using Conversational.Bots.Customers;
using Conversational.Handoff.Agents;
using Conversational.Handoff.Assignment;
using Conversational.Handoff.Packages;
using Conversational.Handoff.Queues;

namespace Conversational.Bots.Handoff;

/// <summary>
/// The agent desk's read side (坐席工作台): the desk state, one conversation with its package, who may read what, and
/// a ticket draft. Reads only; <see cref="AgentWorkspace"/> acts.
/// </summary>
public sealed class AgentDesk(IConversationStore store, ICustomerDirectory customers, HandoffPackages packages, AgentRoster roster,
    AgentOffers offers, HandoffQueue queue, AgentReadMarks readMarks, CopilotInputsReader copilot, TimeProvider time)
{
    /// <summary>
    /// Whether an agent may read the conversation: it is offered to them or assigned to them. Every other conversation
    /// is refused, so an agent never browses customers who are not theirs.
    /// </summary>
    public async Task<bool> MayReadAsync(string agentId, string conversationId, CancellationToken cancellationToken) =>
        (await queue.ActiveConversationsAsync(agentId, cancellationToken)).Contains(conversationId)
        || (await offers.ForAgentAsync(agentId, cancellationToken)).Any(o => o.ConversationId == conversationId);

    /// <summary>The desk as the agent sees it now. Staff without an agent profile (supervisors) see an empty, offline desk.</summary>
    public async Task<AgentDeskState> StateAsync(string agentId, string agentName, CancellationToken cancellationToken)
    {
        var snapshot = await roster.FindAsync(agentId, cancellationToken);
        var agent = snapshot is null
            ? new DeskAgent(agentId, agentName, Lower(AgentStatus.Offline), 0, 0, [])
            : DeskAgent.From(snapshot);
        var groups = agent.Skills.Select(s => s.SkillGroup).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var queues = (await queue.OverviewAsync(cancellationToken))
            .Where(q => groups.Count == 0 || groups.Contains(q.SkillGroup))
            .Select(q => new DeskQueue(q.SkillGroup, q.Waiting, (int)q.LongestWait.TotalSeconds))
            .ToList();

        var offered = new List<DeskOffer>();
        foreach (var offer in await offers.ForAgentAsync(agentId, cancellationToken))
        {
            offered.Add(await OfferAsync(offer, cancellationToken));
        }

        var chats = new List<DeskChat>();
        foreach (var conversationId in await queue.ActiveConversationsAsync(agentId, cancellationToken))
        {
            chats.Add(await ChatAsync(agentId, conversationId, cancellationToken));
        }

        return new AgentDeskState(agent, offered, queues, chats);
    }

    /// <summary>The conversation for the desk, or null when there is no such conversation.</summary>
    public async Task<DeskConversation?> ConversationAsync(string conversationId, CancellationToken cancellationToken)
    {
        if (await store.FindAsync(conversationId, cancellationToken) is null)
        {
            return null;
        }

        var events = await store.ReadAsync(conversationId, 0, cancellationToken);
        var package = await packages.FindAsync(conversationId, cancellationToken);
        var notes = events
            .Select(e => e.Event is HandoffTransferred { Note: { Length: > 0 } note } t ? new DeskNote(t.FromAgentId, note, e.OccurredAt) : null)
            .OfType<DeskNote>()
            .ToList();
        var owner = ConversationState.Replay(conversationId, events).Owner;
        return new DeskConversation(conversationId, package is null ? null : JsonSerializer.SerializeToElement(package, HandoffPackageJson.Options),
            HandoffPackageBuilder.MaskedActivities(events), notes, Lower(owner), events.Count > 0 ? events[^1].Seq : 0);
    }

    /// <summary>
    /// A ticket prefilled from what the customer told the bot, with the template of the chat's business (<see cref="TicketDrafts"/>).
    /// Null when nobody asked for a person in the conversation.
    /// </summary>
    public async Task<TicketDraft?> TicketDraftAsync(string conversationId, CancellationToken cancellationToken) =>
        await packages.FindAsync(conversationId, cancellationToken) is { } package
        && await copilot.ReadAsync(conversationId, cancellationToken) is { } inputs
            ? TicketDrafts.Draft(inputs, package)
            : null;

    private async Task<DeskOffer> OfferAsync(AgentOffer offer, CancellationToken cancellationToken)
    {
        var profile = await customers.FindAsync(offer.CustomerId, cancellationToken);
        var events = await store.ReadAsync(offer.ConversationId, 0, cancellationToken);
        var reason = events.Select(e => e.Event).OfType<HandoffRequested>().LastOrDefault()?.Reason ?? "";
        var position = await queue.PositionAsync(offer.ConversationId, cancellationToken);
        var waited = time.GetUtcNow() - (position?.EnqueuedAt ?? offer.OfferedAt);
        return new DeskOffer(offer.ConversationId, CustomerName(profile), profile?.VipLevel ?? 0, offer.SkillGroup, reason,
            Math.Max(0, (int)waited.TotalSeconds), offer.ExpiresAt, offer.Why);
    }

    private async Task<DeskChat> ChatAsync(string agentId, string conversationId, CancellationToken cancellationToken)
    {
        var record = await store.FindAsync(conversationId, cancellationToken);
        var events = await store.ReadAsync(conversationId, 0, cancellationToken);
        var readUpTo = await readMarks.ReadUpToAsync(agentId, conversationId, cancellationToken);
        var last = HandoffPackageBuilder.MaskedActivities(events).LastOrDefault();
        var position = await queue.PositionAsync(conversationId, cancellationToken);
        var profile = record is null ? null : await customers.FindAsync(record.CustomerId, cancellationToken);
        return new DeskChat(conversationId, CustomerName(profile), position?.SkillGroup ?? "", last?.Text, last?.Timestamp,
            events.Count(e => e.Seq > readUpTo && e.Event is UserMessaged), events.Count > 0 ? events[^1].Seq : 0);
    }

    private static string CustomerName(CustomerProfile? profile) => profile is null ? "" : HandoffPackageBuilder.MaskName(profile.DisplayName);

    private static string Lower<T>(T value) where T : struct, Enum => value.ToString().ToLowerInvariant();
}
