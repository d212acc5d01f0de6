namespace Conversational.Handoff.Queues;

/// <summary>The queues per skill group (排队), on SQLite or PostgreSQL.</summary>
public sealed class HandoffQueue
{
    /// <summary>Queues the conversation; a conversation already waiting, offered or assigned keeps its place.</summary>
    public Task<QueuePosition> EnqueueAsync(QueueRequest request, CancellationToken cancellationToken) => throw new NotImplementedException();

    /// <summary>Null when the conversation was never queued.</summary>
    public Task<QueuePosition?> PositionAsync(string conversationId, CancellationToken cancellationToken) => throw new NotImplementedException();

    /// <summary>The customer gave up; false when the conversation is not waiting or offered.</summary>
    public Task<bool> CancelAsync(string conversationId, CancellationToken cancellationToken) => throw new NotImplementedException();

    public Task<QueuePosition> TransferAsync(string conversationId, string fromAgentId, string? toAgentId, string? toSkillGroup,
        CancellationToken cancellationToken) => throw new NotImplementedException();

    /// <summary>Closed or handed back: frees the agent's capacity. False when the agent does not hold the conversation.</summary>
    public Task<bool> ReleaseAsync(string conversationId, string agentId, CancellationToken cancellationToken) => throw new NotImplementedException();

    public Task<IReadOnlyList<QueueOverview>> OverviewAsync(CancellationToken cancellationToken) => throw new NotImplementedException();

    public Task<IReadOnlyList<string>> ActiveConversationsAsync(string agentId, CancellationToken cancellationToken) =>
        throw new NotImplementedException();

    /// <summary>The group's waiting entries, priority descending, then arrival.</summary>
    public Task<IReadOnlyList<QueuePosition>> WaitingAsync(string skillGroup, CancellationToken cancellationToken) =>
        throw new NotImplementedException();
}
