using System.Security.Cryptography;
using System.Text;

namespace Conversational.Host.Channels.WeChat.Protocol;

/// <summary>
/// WeChat's request signature (签名): the parts (token, timestamp, nonce and, in safe mode, the ciphertext) sorted
/// ordinally, concatenated, hashed with SHA-1 and written as lowercase hex.
/// </summary>
public static class WeChatSignature
{
    public static string Compute(params ReadOnlySpan<string> parts)
    {
        var sorted = parts.ToArray();
        // Ordinal, as WeChat sorts: a culture-aware sort orders digits and letters differently on some machines.
        Array.Sort(sorted, StringComparer.Ordinal);
#pragma warning disable CA5350 // SHA-1 is what the protocol prescribes; it authenticates, the token is the secret.
        return Convert.ToHexStringLower(SHA1.HashData(Encoding.UTF8.GetBytes(string.Concat(sorted))));
#pragma warning restore CA5350
    }

    /// <summary>Whether <paramref name="signature"/> signs the parts, compared in constant time.</summary>
    public static bool Matches(string? signature, params ReadOnlySpan<string> parts)
    {
        if (string.IsNullOrEmpty(signature))
        {
            return false;
        }

        return CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Compute(parts)),
            Encoding.ASCII.GetBytes(signature.ToLowerInvariant()));
    }
}
