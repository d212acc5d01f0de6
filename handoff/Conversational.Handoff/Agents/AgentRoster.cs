namespace Conversational.Handoff.Agents;

/// <summary>The agents (坐席名册): profiles, presence and heartbeats, on SQLite or PostgreSQL.</summary>
public sealed class AgentRoster
{
    public Task<IReadOnlyList<AgentSnapshot>> ListAsync(CancellationToken cancellationToken) => throw new NotImplementedException();

    public Task<AgentSnapshot?> FindAsync(string agentId, CancellationToken cancellationToken) => throw new NotImplementedException();

    /// <summary>Sets the presence the agent chose; counts as a heartbeat.</summary>
    public Task<AgentSnapshot> SetStatusAsync(string agentId, AgentStatus status, CancellationToken cancellationToken) =>
        throw new NotImplementedException();

    public Task HeartbeatAsync(string agentId, CancellationToken cancellationToken) => throw new NotImplementedException();

    public Task SaveProfileAsync(AgentProfile profile, CancellationToken cancellationToken) => throw new NotImplementedException();
}
