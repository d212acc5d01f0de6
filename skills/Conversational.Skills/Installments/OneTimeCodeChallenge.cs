using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Conversational.Skills.Installments;

/// <summary>
/// Identity check for a caller the app has not authenticated: a 6-digit code sent through <see cref="IOneTimeCodeSender"/>,
/// good for 5 minutes and once; 3 wrong codes lock the challenge. The code itself is never stored: the returned
/// <see cref="OneTimeCodeState"/> holds an HMAC of it under a random salt and is compared in constant time.
/// </summary>
/// <remarks>
/// A 6-digit code has a million values, so anyone holding a state could find its code offline; states are as confidential as the
/// conversation log that keeps them, and they expire within minutes. A locked state is final: the dialog offers a human instead
/// of issuing a fresh code, which would otherwise reset the count.
/// </remarks>
public sealed class OneTimeCodeChallenge(IOneTimeCodeSender sender, TimeProvider timeProvider)
{
    public const int CodeLength = 6;
    public const int MaxFailures = 3;
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(5);

    private const int SaltBytes = 16;

    /// <summary>Draws a code from a cryptographic random source, sends it, and returns the state to keep.</summary>
    public async Task<OneTimeCodeState> IssueAsync(string customerId, string last4, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(customerId);
        ArgumentNullException.ThrowIfNull(last4);
        if (last4.Length != 4 || !last4.All(char.IsAsciiDigit))
        {
            throw new ArgumentException($"A card's last 4 are 4 digits (was '{last4}').", nameof(last4));
        }

        var code = RandomNumberGenerator.GetInt32(0, 1_000_000).ToString("D6", CultureInfo.InvariantCulture);
        var salt = RandomNumberGenerator.GetBytes(SaltBytes);
        var now = timeProvider.GetUtcNow();
        var state = new OneTimeCodeState(customerId, last4, Convert.ToBase64String(salt), Convert.ToBase64String(Hash(salt,
            customerId, last4, code)), now, now + Lifetime, FailedAttempts: 0, OneTimeCodeStatus.Pending);
        await sender.SendAsync(customerId, last4, code, cancellationToken);
        return state;
    }

    /// <summary>Checks one entered code (surrounding white space ignored) and returns the outcome with the state to keep.</summary>
    /// <remarks>Anything that is not the code counts as a wrong attempt, so the dialog passes only what looks like a code.</remarks>
    public OneTimeCodeVerification Verify(OneTimeCodeState state, string code)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(code);
        switch (state.Status)
        {
            case OneTimeCodeStatus.Locked:
                return new(OneTimeCodeOutcome.Locked, state);
            case OneTimeCodeStatus.Verified:
                return new(OneTimeCodeOutcome.AlreadyUsed, state);
        }

        if (timeProvider.GetUtcNow() >= state.ExpiresAt)
        {
            return new(OneTimeCodeOutcome.Expired, state);
        }

        var expected = Convert.FromBase64String(state.Hash);
        var actual = Hash(Convert.FromBase64String(state.Salt), state.CustomerId, state.Last4, code.Trim());
        if (CryptographicOperations.FixedTimeEquals(expected, actual))
        {
            return new(OneTimeCodeOutcome.Verified, state with { Status = OneTimeCodeStatus.Verified });
        }

        var failures = state.FailedAttempts + 1;
        return failures >= MaxFailures
            ? new(OneTimeCodeOutcome.Locked, state with { FailedAttempts = failures, Status = OneTimeCodeStatus.Locked })
            : new(OneTimeCodeOutcome.WrongCode, state with { FailedAttempts = failures });
    }

    private static byte[] Hash(byte[] salt, string customerId, string last4, string code) =>
        HMACSHA256.HashData(salt, Encoding.UTF8.GetBytes($"{customerId}\n{last4}\n{code}"));
}
