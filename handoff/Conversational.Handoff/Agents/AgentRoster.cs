using System.Data.Common;
using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Options;

namespace Conversational.Handoff.Agents;

/// <summary>
/// The agents (坐席名册): profiles, presence and heartbeats, on SQLite or PostgreSQL. Each snapshot carries the agent's
/// assigned chats and pending offers, counted from the queue, so capacity never drifts from the entries themselves.
/// </summary>
public sealed class AgentRoster(HandoffDatabase db, IOptions<HandoffOptions> options)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private const string Select = """
        SELECT a.agent_id, a.display_name, a.skills, a.max_chats, a.status, a.last_heartbeat_at, a.last_offered_at,
               COALESCE(l.assigned, 0), COALESCE(l.held, 0)
        FROM handoff_agents a
        LEFT JOIN (SELECT agent_id, SUM(CASE WHEN state = 'assigned' THEN 1 ELSE 0 END) AS assigned, COUNT(*) AS held
                   FROM handoff_queue WHERE state IN ('offered', 'assigned') GROUP BY agent_id) l ON l.agent_id = a.agent_id
        """;

    public async Task<IReadOnlyList<AgentSnapshot>> ListAsync(CancellationToken cancellationToken) =>
        [.. (await LoadAsync(cancellationToken)).Select(agent => agent.Snapshot)];

    public async Task<AgentSnapshot?> FindAsync(string agentId, CancellationToken cancellationToken) =>
        (await LoadAsync(cancellationToken, agentId)).SingleOrDefault()?.Snapshot;

    /// <summary>Sets the presence the agent chose; counts as a heartbeat.</summary>
    /// <exception cref="KeyNotFoundException">No agent has this id.</exception>
    public async Task<AgentSnapshot> SetStatusAsync(string agentId, AgentStatus status, CancellationToken cancellationToken)
    {
        await using (var transaction = await db.BeginAsync(cancellationToken))
        {
            var changed = await transaction.ExecuteAsync(
                "UPDATE handoff_agents SET status = @status, last_heartbeat_at = @now WHERE agent_id = @agent", cancellationToken,
                ("@status", StatusName(status)), ("@now", db.NowMs), ("@agent", agentId));
            ThrowIfUnknown(changed, agentId);
            await db.CommitAndPublishAsync(transaction, cancellationToken);
        }

        return (await FindAsync(agentId, cancellationToken))!;
    }

    /// <exception cref="KeyNotFoundException">No agent has this id.</exception>
    public async Task HeartbeatAsync(string agentId, CancellationToken cancellationToken)
    {
        // Only a heartbeat that brings a silent desk back online changes what anyone sees; the rest stay quiet.
        var staleBefore = db.NowMs - (long)options.Value.HeartbeatTimeout.TotalMilliseconds;
        await using var transaction = await db.BeginAsync(cancellationToken);
        await using (var read = transaction.CreateCommand(
            $"SELECT last_heartbeat_at FROM handoff_agents WHERE agent_id = @agent{db.ForUpdate}", ("@agent", agentId)))
        {
            var last = await read.ExecuteScalarAsync(cancellationToken);
            ThrowIfUnknown(last is null ? 0 : 1, agentId);
            await transaction.ExecuteAsync("UPDATE handoff_agents SET last_heartbeat_at = @now WHERE agent_id = @agent", cancellationToken,
                ("@now", db.NowMs), ("@agent", agentId));
            if (last is DBNull || Convert.ToInt64(last, CultureInfo.InvariantCulture) < staleBefore)
            {
                await db.CommitAndPublishAsync(transaction, cancellationToken);
                return;
            }
        }

        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>Creates the agent (offline) or updates their name, skills and capacity, keeping their presence.</summary>
    public async Task SaveProfileAsync(AgentProfile profile, CancellationToken cancellationToken)
    {
        Validate(profile);
        await using var transaction = await db.BeginAsync(cancellationToken);
        await transaction.ExecuteAsync($"""
            INSERT INTO handoff_agents (agent_id, display_name, skills, max_chats, status)
            VALUES (@agent, @name, {db.Database.Json("@skills")}, @max, 'offline')
            ON CONFLICT (agent_id) DO UPDATE SET display_name = excluded.display_name, skills = excluded.skills, max_chats = excluded.max_chats
            """, cancellationToken,
            ("@agent", profile.AgentId), ("@name", profile.DisplayName), ("@skills", JsonSerializer.Serialize(profile.Skills, Json)),
            ("@max", profile.MaxConcurrentChats));
        await db.CommitAndPublishAsync(transaction, cancellationToken);
    }

    /// <summary>Agents with what assignment needs beyond the snapshot: chats held including offers, and when last offered one.</summary>
    internal async Task<IReadOnlyList<RosterEntry>> LoadAsync(CancellationToken cancellationToken, string? agentId = null)
    {
        await using var command = agentId is null
            ? db.Command(Select + " ORDER BY a.agent_id")
            : db.Command(Select + " WHERE a.agent_id = @agent", ("@agent", agentId));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var agents = new List<RosterEntry>();
        var onlineSince = db.NowMs - (long)options.Value.HeartbeatTimeout.TotalMilliseconds;
        while (await reader.ReadAsync(cancellationToken))
        {
            agents.Add(Read(reader, onlineSince));
        }

        return agents;
    }

    private static RosterEntry Read(DbDataReader reader, long onlineSince)
    {
        var heartbeat = reader.IsDBNull(5) ? (long?)null : reader.GetInt64(5);
        var chosen = ParseStatus(reader.GetString(4));
        var profile = new AgentProfile(reader.GetString(0), reader.GetString(1),
            JsonSerializer.Deserialize<List<SkillProficiency>>(reader.GetString(2), Json) ?? [], reader.GetInt32(3));
        var status = heartbeat is { } at && at >= onlineSince ? chosen : AgentStatus.Offline;
        var snapshot = new AgentSnapshot(profile, status, Convert.ToInt32(reader.GetValue(7), CultureInfo.InvariantCulture),
            heartbeat is { } h ? HandoffDatabase.FromMs(h) : null);
        return new RosterEntry(snapshot, Convert.ToInt32(reader.GetValue(8), CultureInfo.InvariantCulture),
            HandoffDatabase.FromMs(reader, 6));
    }

    private static void Validate(AgentProfile profile)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(profile.AgentId);
        ArgumentException.ThrowIfNullOrWhiteSpace(profile.DisplayName);
        ArgumentOutOfRangeException.ThrowIfLessThan(profile.MaxConcurrentChats, 1);
        if (profile.Skills.Any(skill => skill.Level is < 1 or > 5 || string.IsNullOrWhiteSpace(skill.SkillGroup)))
        {
            throw new ArgumentException($"Agent {profile.AgentId}: every skill needs a group and a level from 1 to 5.", nameof(profile));
        }
    }

    private static void ThrowIfUnknown(int rows, string agentId)
    {
        if (rows == 0)
        {
            throw new KeyNotFoundException($"No agent '{agentId}'.");
        }
    }

    private static string StatusName(AgentStatus status) => status.ToString().ToLowerInvariant();

    private static AgentStatus ParseStatus(string name) => Enum.Parse<AgentStatus>(name, ignoreCase: true);
}

/// <summary>A snapshot plus the chats the agent holds including pending offers (what capacity counts), and their last offer.</summary>
internal sealed record RosterEntry(AgentSnapshot Snapshot, int Held, DateTimeOffset? LastOfferedAt)
{
    public bool CanTakeMore => Snapshot.Status == AgentStatus.Available && Held < Snapshot.Profile.MaxConcurrentChats;
}
