namespace Conversational.Skills.Returns;

/// <summary>The outcome of <see cref="WebhookSignature.Verify"/>; anything but <see cref="Valid"/> is answered 401 and not processed.</summary>
public enum WebhookVerification
{
    Valid,

    /// <summary>A header is absent or empty.</summary>
    MissingHeader,

    /// <summary>The timestamp is not unix seconds (digits only, within the calendar).</summary>
    MalformedTimestamp,

    /// <summary>The delivery id is longer than 128 characters or has a character outside A–Z, a–z, 0–9, '-', '_'.</summary>
    MalformedDeliveryId,

    /// <summary>The signature is not <c>sha256=</c> and the HMAC of this request under this secret.</summary>
    BadSignature,

    /// <summary>Correctly signed but further than the tolerance from now, in either direction: a replay or a skewed clock.</summary>
    StaleTimestamp,
}
