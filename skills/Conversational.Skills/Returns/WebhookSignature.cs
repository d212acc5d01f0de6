using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Conversational.Skills.Returns;

/// <summary>
/// Authenticates the warehouse and logistics webhook that moves return tickets. The sender signs every request with the
/// shared secret and sends three headers:
/// <list type="bullet">
/// <item><c>X-Conversational-Timestamp</c>: unix seconds when it was sent;</item>
/// <item><c>X-Conversational-Delivery</c>: a unique id per delivery (retries of one delivery reuse it);</item>
/// <item><c>X-Conversational-Signature</c>: <c>sha256=</c> followed by the lowercase hex HMAC-SHA256, keyed with the
/// secret's UTF-8 bytes, of <c>"{timestamp}.{deliveryId}."</c> in UTF-8 followed by the raw body bytes.</item>
/// </list>
/// Timestamps are digits only and delivery ids have no '.', so the signed bytes split back into timestamp, id and body
/// in exactly one way: no one can move characters between the id and the body and keep a valid signature.
/// The timestamp bounds how long a captured request can be replayed; within that window, replays are stopped by the
/// storage layer, which records each delivery id once and answers a repeat with the first outcome without acting again.
/// </summary>
public static class WebhookSignature
{
    public const string TimestampHeader = "X-Conversational-Timestamp";
    public const string DeliveryHeader = "X-Conversational-Delivery";
    public const string SignatureHeader = "X-Conversational-Signature";
    public const string SignaturePrefix = "sha256=";
    public const int MaxDeliveryIdLength = 128;

    public static readonly TimeSpan DefaultTolerance = TimeSpan.FromMinutes(5);

    private const int HashBytes = 32;
    private static readonly long MaxUnixSeconds = DateTimeOffset.MaxValue.ToUnixTimeSeconds();

    /// <returns>The lowercase hex HMAC, without the <c>sha256=</c> prefix.</returns>
    /// <exception cref="ArgumentException">A timestamp that is not unix seconds or a delivery id that would not verify.</exception>
    public static string Sign(string secret, string timestamp, string deliveryId, ReadOnlySpan<byte> body)
    {
        ArgumentException.ThrowIfNullOrEmpty(secret);
        if (ParseTimestamp(timestamp) is null)
        {
            throw new ArgumentException("The timestamp must be unix seconds.", nameof(timestamp));
        }

        if (!IsWellFormedDeliveryId(deliveryId))
        {
            throw new ArgumentException($"The delivery id must be 1–{MaxDeliveryIdLength} of A–Z, a–z, 0–9, '-', '_'.", nameof(deliveryId));
        }

        Span<byte> hash = stackalloc byte[HashBytes];
        Hash(secret, timestamp, deliveryId, body, hash);
        return Convert.ToHexStringLower(hash);
    }

    /// <param name="tolerance">How far the timestamp may be from <paramref name="now"/> either way; <see cref="DefaultTolerance"/> if null.</param>
    public static WebhookVerification Verify(
        string secret,
        string? timestampHeader,
        string? deliveryIdHeader,
        string? signatureHeader,
        ReadOnlySpan<byte> body,
        DateTimeOffset now,
        TimeSpan? tolerance = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(secret);
        if (string.IsNullOrEmpty(timestampHeader) || string.IsNullOrEmpty(deliveryIdHeader) || string.IsNullOrEmpty(signatureHeader))
        {
            return WebhookVerification.MissingHeader;
        }

        if (ParseTimestamp(timestampHeader) is not { } sentAt)
        {
            return WebhookVerification.MalformedTimestamp;
        }

        if (!IsWellFormedDeliveryId(deliveryIdHeader))
        {
            return WebhookVerification.MalformedDeliveryId;
        }

        // Signature before freshness: a stale result then means an authentic sender with a skewed clock, which is worth a log line.
        Span<byte> presented = stackalloc byte[HashBytes];
        Span<byte> expected = stackalloc byte[HashBytes];
        Hash(secret, timestampHeader, deliveryIdHeader, body, expected);
        if (!TryReadSignature(signatureHeader, presented) || !CryptographicOperations.FixedTimeEquals(presented, expected))
        {
            return WebhookVerification.BadSignature;
        }

        return (now - sentAt).Duration() > (tolerance ?? DefaultTolerance) ? WebhookVerification.StaleTimestamp : WebhookVerification.Valid;
    }

    private static void Hash(string secret, string timestamp, string deliveryId, ReadOnlySpan<byte> body, Span<byte> destination)
    {
        using var hmac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, Encoding.UTF8.GetBytes(secret));
        hmac.AppendData(Encoding.UTF8.GetBytes($"{timestamp}.{deliveryId}."));
        hmac.AppendData(body);
        hmac.GetHashAndReset(destination);
    }

    private static DateTimeOffset? ParseTimestamp(string? value) =>
        !string.IsNullOrEmpty(value) &&
        value.All(char.IsAsciiDigit) &&
        long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) &&
        seconds <= MaxUnixSeconds
            ? DateTimeOffset.FromUnixTimeSeconds(seconds)
            : null;

    private static bool IsWellFormedDeliveryId(string? value) =>
        !string.IsNullOrEmpty(value) &&
        value.Length <= MaxDeliveryIdLength &&
        value.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');

    private static bool TryReadSignature(string header, Span<byte> destination) =>
        header.StartsWith(SignaturePrefix, StringComparison.Ordinal) &&
        header.Length == SignaturePrefix.Length + (2 * HashBytes) &&
        Convert.FromHexString(header.AsSpan(SignaturePrefix.Length), destination, out _, out var written) == System.Buffers.OperationStatus.Done &&
        written == HashBytes;
}
