using System.Text.Json;
using Conversational.Storage;

namespace Conversational.Bots.Customers;

public sealed class SqlCustomerDirectory(Database database) : ICustomerDirectory
{
    public static readonly SchemaMigration Schema = new("bots", 2, "customer profiles", db => $"""
        CREATE TABLE customers (
            id TEXT PRIMARY KEY,
            display_name TEXT NOT NULL,
            tier TEXT NOT NULL,
            vip_level INTEGER NOT NULL CHECK (vip_level BETWEEN 0 AND 10),
            province TEXT NULL,
            city TEXT NULL,
            tags {db.JsonType} NOT NULL
        );
        """);

    public async Task<CustomerProfile?> FindAsync(string customerId, CancellationToken cancellationToken)
    {
        await using var command = database.DataSource.CreateCommand(
            "SELECT id, display_name, tier, vip_level, province, city, tags FROM customers WHERE id = @id");
        Database.AddParameters(command, ("@id", customerId));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
        }

        return new CustomerProfile(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetInt32(3),
            reader.IsDBNull(4) ? null : reader.GetString(4), reader.IsDBNull(5) ? null : reader.GetString(5),
            JsonSerializer.Deserialize<string[]>(reader.GetString(6)) ?? []);
    }

    public async Task<bool> AddIfMissingAsync(CustomerProfile profile, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(profile);
        return await database.ExecuteAsync(
            $"""
            INSERT INTO customers (id, display_name, tier, vip_level, province, city, tags)
            VALUES (@id, @name, @tier, @vip, @province, @city, {database.Json("@tags")})
            ON CONFLICT (id) DO NOTHING
            """,
            cancellationToken,
            ("@id", profile.Id), ("@name", profile.DisplayName), ("@tier", profile.Tier), ("@vip", profile.VipLevel),
            ("@province", profile.Province), ("@city", profile.City), ("@tags", JsonSerializer.Serialize(profile.Tags))) == 1;
    }
}
