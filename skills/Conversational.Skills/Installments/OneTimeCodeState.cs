namespace Conversational.Skills.Installments;

/// <summary>
/// A one-time code challenge as it is kept in a conversation's dialog slots: serialisable with System.Text.Json, and holding
/// only a salted hash of the code, never the code.
/// </summary>
/// <param name="Salt">16 random bytes, Base64; the HMAC key.</param>
/// <param name="Hash">HMAC-SHA256 of customer id, last 4 and code under <paramref name="Salt"/>, Base64.</param>
/// <param name="FailedAttempts">Wrong codes entered so far.</param>
public sealed record OneTimeCodeState(
    string CustomerId,
    string Last4,
    string Salt,
    string Hash,
    DateTimeOffset IssuedAt,
    DateTimeOffset ExpiresAt,
    int FailedAttempts,
    OneTimeCodeStatus Status);
