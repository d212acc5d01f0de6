using Conversational.Storage;

namespace Conversational.Handoff.Routing;

/// <summary>
/// The routing rules table: every version of the whole rule set, one JSON document each, so a set is validated and
/// replaced atomically and its history stays. The current set is the highest version. Its own migration area, as each
/// skill has one, so the other handoff tables (queues, agents) number their migrations apart.
/// </summary>
public static class RoutingSchema
{
    public static readonly SchemaMigration V1 = new("routing", 1, "routing rules, one versioned document", db => $"""
        CREATE TABLE routing_rules (
            version INTEGER PRIMARY KEY,
            changed_at TEXT NOT NULL,
            changed_by TEXT NOT NULL,
            document {db.JsonType} NOT NULL
        );
        """);
}
