using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Conversational.Storage;

namespace Conversational.Knowledge.Articles;

/// <summary>
/// The knowledge area's tables: the current version of each entry, and every version ever written. A version row's
/// <c>sequence</c> counts all changes in commit order (writers take turns), so an index can follow them
/// (<see cref="IKnowledgeChanges"/>).
/// </summary>
public static class KnowledgeSchema
{
    public static readonly SchemaMigration V1 = new("knowledge", 1, "knowledge entries and their versions", db => $"""
        CREATE TABLE knowledge_entries (
            entry_id TEXT PRIMARY KEY,
            version INTEGER NOT NULL,
            status TEXT NOT NULL,
            language TEXT NOT NULL,
            document {db.JsonType} NOT NULL
        );
        CREATE TABLE knowledge_versions (
            sequence {(db.Provider == DatabaseProvider.PostgreSql ? "BIGINT GENERATED ALWAYS AS IDENTITY" : "INTEGER")} PRIMARY KEY,
            entry_id TEXT NOT NULL,
            version INTEGER NOT NULL,
            change TEXT NOT NULL,
            changed_at TEXT NOT NULL,
            changed_by TEXT NOT NULL,
            document {db.JsonType} NOT NULL,
            UNIQUE (entry_id, version)
        );
        """);

    /// <summary>Entries as JSON: web names, enums as camelCase strings (<c>faq</c>, <c>retired</c>).</summary>
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false) },
        RespectNullableAnnotations = true,
    };

    internal static string Instant(DateTimeOffset at) => at.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture);

    internal static DateTimeOffset ReadInstant(string text) => DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);

    internal static string Serialize(KnowledgeEntry entry) => JsonSerializer.Serialize(entry, Json);

    internal static KnowledgeEntry Deserialize(string document) =>
        JsonSerializer.Deserialize<KnowledgeEntry>(document, Json) ?? throw new InvalidDataException("A knowledge entry's document is empty.");
}
