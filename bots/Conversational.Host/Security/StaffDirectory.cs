using Conversational.Storage;
using Microsoft.AspNetCore.Identity;

namespace Conversational.Host.Security;

/// <summary>Staff accounts with salted, iterated password hashes (ASP.NET Core Identity's PBKDF2 format).</summary>
public sealed class StaffDirectory(Database database)
{
    public static readonly SchemaMigration Schema = new("host", 1, "staff accounts", _ => """
        CREATE TABLE staff_accounts (
            username TEXT PRIMARY KEY,
            display_name TEXT NOT NULL,
            role TEXT NOT NULL,
            password_hash TEXT NOT NULL
        );
        """);

    private readonly PasswordHasher<StaffAccount> _hasher = new();

    public async Task<StaffAccount?> FindAsync(string username, CancellationToken cancellationToken)
    {
        await using var command = database.DataSource.CreateCommand(
            "SELECT username, display_name, role, password_hash FROM staff_accounts WHERE username = @username");
        Database.AddParameters(command, ("@username", username));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken)
            ? new StaffAccount(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3))
            : null;
    }

    /// <summary>The account if the password is right; null for an unknown user or a wrong password alike.</summary>
    public async Task<StaffAccount?> VerifyAsync(string username, string password, CancellationToken cancellationToken)
    {
        var account = await FindAsync(username, cancellationToken);
        if (account is null)
        {
            return null;
        }

        return _hasher.VerifyHashedPassword(account, account.PasswordHash, password) == PasswordVerificationResult.Failed ? null : account;
    }

    /// <summary>Creates the account unless the username exists.</summary>
    public Task AddIfMissingAsync(string username, string displayName, string role, string password, CancellationToken cancellationToken)
    {
        var hash = _hasher.HashPassword(new StaffAccount(username, displayName, role, ""), password);
        return database.ExecuteAsync(
            """
            INSERT INTO staff_accounts (username, display_name, role, password_hash) VALUES (@username, @name, @role, @hash)
            ON CONFLICT (username) DO NOTHING
            """,
            cancellationToken, ("@username", username), ("@name", displayName), ("@role", role), ("@hash", hash));
    }
}
