using Conversational.Storage;

namespace Conversational.Handoff.Copilot;

/// <summary>
/// The copilot catalogue table: every version of the whole catalogue, one JSON document each, so an edit is validated
/// and replaced atomically and its history stays (as the routing rules). Its own migration area, <c>copilot</c>.
/// </summary>
public static class CopilotCatalogSchema
{
    public static readonly SchemaMigration V1 = new("copilot", 1, "copilot catalogue, one versioned document", db => $"""
        CREATE TABLE copilot_catalog (
            version BIGINT PRIMARY KEY,
            changed_at TEXT NOT NULL,
            changed_by TEXT NOT NULL,
            document {db.JsonType} NOT NULL
        );
        """);
}
