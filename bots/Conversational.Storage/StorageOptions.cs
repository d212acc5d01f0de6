using System.ComponentModel.DataAnnotations;

namespace Conversational.Storage;

/// <summary>Where conversations, queues and knowledge are kept. Bound from the <c>Storage</c> section.</summary>
public sealed class StorageOptions : IValidatableObject
{
    public const string SectionName = "Storage";

    /// <summary><see cref="DatabaseProvider.Sqlite"/> (embedded, the default) or <see cref="DatabaseProvider.PostgreSql"/>.</summary>
    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>The SQLite file, relative to the working directory unless rooted.</summary>
    public string SqlitePath { get; set; } = "data/conversational.db";

    /// <summary>An Npgsql connection string; required when <see cref="Provider"/> is PostgreSql.</summary>
    public string? PostgreSqlConnectionString { get; set; }

    /// <summary>Seed the demo customers, staff accounts and later areas' demo data on start (idempotent).</summary>
    public bool SeedDemoData { get; set; } = true;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Provider == DatabaseProvider.PostgreSql && string.IsNullOrWhiteSpace(PostgreSqlConnectionString))
        {
            yield return new ValidationResult(
                $"{SectionName}:{nameof(PostgreSqlConnectionString)} is required when {SectionName}:{nameof(Provider)} is PostgreSql.",
                [nameof(PostgreSqlConnectionString)]);
        }

        if (Provider == DatabaseProvider.Sqlite && string.IsNullOrWhiteSpace(SqlitePath))
        {
            yield return new ValidationResult($"{SectionName}:{nameof(SqlitePath)} is required when {SectionName}:{nameof(Provider)} is Sqlite.",
                [nameof(SqlitePath)]);
        }
    }
}

public enum DatabaseProvider
{
    Sqlite,
    PostgreSql,
}
