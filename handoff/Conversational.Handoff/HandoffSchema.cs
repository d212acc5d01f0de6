using Conversational.Storage;

namespace Conversational.Handoff;

/// <summary>
/// The handoff area's tables (migration area <c>handoff</c>; routing numbers its own). Times are Unix milliseconds
/// (BIGINT) so expiry and wait comparisons are plain integer comparisons on both engines.
/// </summary>
public static class HandoffSchema
{
    public static readonly SchemaMigration V1 = new("handoff", 1, "agents, queue entries, assignments, refusals, ratings, tickets", db => $"""
        CREATE TABLE handoff_agents (
            agent_id TEXT PRIMARY KEY,
            display_name TEXT NOT NULL,
            skills {db.JsonType} NOT NULL,
            max_chats INTEGER NOT NULL,
            status TEXT NOT NULL,
            last_heartbeat_at BIGINT NULL,
            last_offered_at BIGINT NULL
        );
        CREATE TABLE handoff_queue (
            conversation_id TEXT PRIMARY KEY,
            customer_id TEXT NOT NULL,
            skill_group TEXT NOT NULL,
            priority INTEGER NOT NULL,
            vip_level INTEGER NOT NULL,
            dedicated_agent_id TEXT NULL,
            reason TEXT NOT NULL,
            state TEXT NOT NULL,
            enqueued_at BIGINT NOT NULL,
            group_since BIGINT NOT NULL,
            agent_id TEXT NULL,
            offer_why TEXT NULL,
            offered_at BIGINT NULL,
            offer_expires_at BIGINT NULL
        );
        CREATE INDEX handoff_queue_order ON handoff_queue (state, priority DESC, enqueued_at, conversation_id);
        CREATE INDEX handoff_queue_agent ON handoff_queue (agent_id, state);
        CREATE TABLE handoff_refusals (
            conversation_id TEXT NOT NULL,
            agent_id TEXT NOT NULL,
            refused_at BIGINT NOT NULL,
            PRIMARY KEY (conversation_id, agent_id)
        );
        CREATE TABLE handoff_assignments (
            conversation_id TEXT NOT NULL,
            assigned_at BIGINT NOT NULL,
            customer_id TEXT NOT NULL,
            agent_id TEXT NOT NULL,
            skill_group TEXT NOT NULL,
            released_at BIGINT NULL,
            PRIMARY KEY (conversation_id, assigned_at)
        );
        CREATE INDEX handoff_assignments_customer ON handoff_assignments (customer_id, assigned_at);
        CREATE INDEX handoff_assignments_group ON handoff_assignments (skill_group, released_at);
        CREATE TABLE handoff_ratings (
            customer_id TEXT NOT NULL,
            agent_id TEXT NOT NULL,
            score INTEGER NOT NULL,
            rated_at BIGINT NOT NULL,
            PRIMARY KEY (customer_id, agent_id)
        );
        CREATE TABLE handoff_tickets (
            ticket_id TEXT PRIMARY KEY,
            conversation_id TEXT NOT NULL,
            customer_id TEXT NOT NULL,
            kind TEXT NOT NULL,
            text TEXT NOT NULL,
            fields {db.JsonType} NOT NULL,
            created_by TEXT NOT NULL,
            created_at BIGINT NOT NULL
        );
        CREATE INDEX handoff_tickets_conversation ON handoff_tickets (conversation_id, created_at);
        CREATE TABLE handoff_ticket_numbers (
            prefix TEXT PRIMARY KEY,
            last_number INTEGER NOT NULL
        );
        """);
}
