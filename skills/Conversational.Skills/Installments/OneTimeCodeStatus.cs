using System.Text.Json.Serialization;

namespace Conversational.Skills.Installments;

[JsonConverter(typeof(JsonStringEnumConverter<OneTimeCodeStatus>))]
public enum OneTimeCodeStatus
{
    /// <summary>Issued and not yet verified; expiry is judged from <see cref="OneTimeCodeState.ExpiresAt"/> at each attempt.</summary>
    Pending,

    /// <summary>The right code was entered once; the code cannot be used again.</summary>
    Verified,

    /// <summary>Too many wrong codes; final. The dialog offers a human rather than a new code.</summary>
    Locked,
}
