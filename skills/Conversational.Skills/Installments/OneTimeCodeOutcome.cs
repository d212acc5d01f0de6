using System.Text.Json.Serialization;

namespace Conversational.Skills.Installments;

/// <summary>What one attempt at entering a one-time code came to.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<OneTimeCodeOutcome>))]
public enum OneTimeCodeOutcome
{
    Verified,

    /// <summary>Wrong, with attempts left.</summary>
    WrongCode,

    /// <summary>The code's time ran out; no attempt was counted.</summary>
    Expired,

    /// <summary>This attempt was the last wrong one allowed, or the challenge was already locked.</summary>
    Locked,

    /// <summary>The code was already used to verify; a code is good once.</summary>
    AlreadyUsed,
}
