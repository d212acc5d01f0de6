namespace Conversational.Storage;

/// <summary>
/// One forward-only schema change owned by an area (its tables, nobody else's). Versions count up from 1 per area;
/// a migration never changes once it has shipped: add the next one instead.
/// </summary>
/// <param name="Area">The owning area, e.g. <c>bots</c> or <c>handoff</c>.</param>
/// <param name="Version">1, 2, 3… within the area.</param>
/// <param name="Description">What the change is for, recorded with it.</param>
/// <param name="Sql">The statements, given the database so column types can follow the engine.</param>
public sealed record SchemaMigration(string Area, int Version, string Description, Func<Database, string> Sql);
