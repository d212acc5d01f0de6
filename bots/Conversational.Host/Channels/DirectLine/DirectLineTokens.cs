using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using System.Text.Json;
using Conversational.Bots.Conversations;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;

namespace Conversational.Host.Channels.DirectLine;

/// <summary>
/// What a Direct Line token allows: one conversation, as one user. The user id is our customer id: only a secret holder
/// (the merchant's back end, which has signed its customer in) chooses it, as with the app channel's session keys; a
/// new id is an anonymous visitor.
/// </summary>
public sealed record DirectLineGrant(string ConversationId, string UserId)
{
    /// <summary>The grant a token for this conversation carries (a secret holder acts as the conversation's customer).</summary>
    public static DirectLineGrant Of(ConversationRecord conversation)
    {
        ArgumentNullException.ThrowIfNull(conversation);
        return new(conversation.Id, conversation.CustomerId);
    }
}

/// <summary>
/// Direct Line tokens: opaque, signed and encrypted with the host's data-protection keys (kept in the database, so every
/// host honours them), scoped to one conversation and expiring after <see cref="DirectLineOptions.TokenLifetime"/>.
/// </summary>
public sealed class DirectLineTokens(IDataProtectionProvider protection, TimeProvider time, IOptions<DirectLineOptions> options)
{
    private readonly ITimeLimitedDataProtector _protector =
        protection.CreateProtector("Conversational.DirectLineToken.v1").ToTimeLimitedDataProtector();

    /// <returns>The token and its lifetime in whole seconds (the protocol's <c>expires_in</c>).</returns>
    public (string Token, int ExpiresIn) Issue(DirectLineGrant grant)
    {
        var lifetime = options.Value.TokenLifetime;
        var token = _protector.Protect(JsonSerializer.Serialize(grant), time.GetUtcNow() + lifetime);
        return (token, (int)lifetime.TotalSeconds);
    }

    /// <summary>The grant of a token that is genuine and not expired.</summary>
    public bool TryRead(string token, [NotNullWhen(true)] out DirectLineGrant? grant)
    {
        grant = null;
        try
        {
            var payload = _protector.Unprotect(token, out var expiresAt);
            // Unprotect checks expiry against the system clock; check ours too so tests can move time.
            if (expiresAt > time.GetUtcNow())
            {
                grant = JsonSerializer.Deserialize<DirectLineGrant>(payload);
            }
        }
        catch (CryptographicException)
        {
            // Tampered, foreign or from a retired key: not a token of ours.
        }

        return grant is not null;
    }
}
