using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;

namespace Conversational.Host.Security;

/// <summary>
/// Opaque bearer tokens naming one customer, signed and encrypted with the host's data-protection keys and
/// expiring after a set time. A token lets its holder reach that customer's conversations and nothing else.
/// </summary>
public sealed class CustomerTokens(IDataProtectionProvider protection, TimeProvider time)
{
    private readonly ITimeLimitedDataProtector _protector =
        protection.CreateProtector("Conversational.CustomerToken.v1").ToTimeLimitedDataProtector();

    public (string Token, DateTimeOffset ExpiresAt) Issue(string customerId, TimeSpan lifetime)
    {
        var expiresAt = time.GetUtcNow() + lifetime;
        return (_protector.Protect(customerId, expiresAt), expiresAt);
    }

    public bool TryRead(string token, [NotNullWhen(true)] out string? customerId)
    {
        try
        {
            customerId = _protector.Unprotect(token, out var expiresAt);
            // Unprotect checks expiry against the system clock; check ours too so tests can move time.
            return expiresAt > time.GetUtcNow();
        }
        catch (CryptographicException)
        {
            customerId = null;
            return false;
        }
    }
}
