using System.Text.Json;
using Conversational.Bots.Activities;
using Conversational.Handoff.Agents;

namespace Conversational.Bots.Handoff;

/// <summary>What the agent desk shows at a glance (工作台): the agent, offers to accept, their groups' queues, their chats.</summary>
public sealed record AgentDeskState(DeskAgent Agent, IReadOnlyList<DeskOffer> Offers, IReadOnlyList<DeskQueue> Queues,
    IReadOnlyList<DeskChat> Chats);

/// <param name="Status"><c>available</c>, <c>away</c> or <c>offline</c> (effective: offline when heartbeats stopped).</param>
public sealed record DeskAgent(string Id, string Name, string Status, int ActiveChats, int MaxChats, IReadOnlyList<SkillProficiency> Skills)
{
    public static DeskAgent From(AgentSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        return new(snapshot.Profile.AgentId, snapshot.Profile.DisplayName, snapshot.Status.ToString().ToLowerInvariant(), snapshot.ActiveChats,
            snapshot.Profile.MaxConcurrentChats, snapshot.Profile.Skills);
    }
}

/// <param name="Why">Why this agent: <c>dedicated</c>, <c>returning</c>, <c>least_loaded</c> or <c>transfer</c>.</param>
public sealed record DeskOffer(string ConversationId, string CustomerName, int VipLevel, string SkillGroup, string Reason, int WaitedSeconds,
    DateTimeOffset ExpiresAt, string Why);

public sealed record DeskQueue(string SkillGroup, int Waiting, int LongestWaitSeconds);

/// <param name="Unread">Customer messages after the agent's read mark.</param>
/// <param name="LastSeq">
/// The last event this view counted: a message pushed on the desk stream with a higher sequence is not in
/// <paramref name="Unread"/> yet, one at or below it is, so the page neither drops nor double-counts what raced the read.
/// </param>
public sealed record DeskChat(string ConversationId, string CustomerName, string SkillGroup, string? LastText, DateTimeOffset? LastAt, int Unread,
    long LastSeq);

/// <summary>
/// One conversation as the desk shows it: the handoff package (its own JSON shape), every message with its sequence
/// number as id, the transfer notes, who owns it now (<c>bot</c>, <c>waiting</c>, <c>agent</c>) and the last sequence number.
/// </summary>
public sealed record DeskConversation(string ConversationId, JsonElement? Package, IReadOnlyList<Activity> Messages,
    IReadOnlyList<DeskNote> Notes, string Owner, long LastSeq);

/// <summary>A note left with a transfer (转接备注), for whoever takes the conversation next.</summary>
public sealed record DeskNote(string From, string Text, DateTimeOffset At);

/// <summary>
/// A ticket (工单) prefilled with the business's template (kind, title, its fields first, then the skill's slots) and the
/// handoff summary, for the agent to check and send.
/// </summary>
public sealed record TicketDraft(string Kind, string Title, string Text, IReadOnlyDictionary<string, string> Fields);

/// <summary>A disposition code (处理结果) an agent closes with, named in both languages.</summary>
public sealed record Disposition(string Code, string ZhCn, string En);

/// <summary>A skill step the bot can resume at after hand-back, named in both languages.</summary>
public sealed record ResumeStep(string Step, string ZhCn, string En);
