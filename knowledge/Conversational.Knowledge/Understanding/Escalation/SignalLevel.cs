using System.Text.Json.Serialization;

namespace Conversational.Knowledge.Understanding.Escalation;

/// <summary>How strongly a signal speaks; handoff triggers and routing priority set their thresholds on it.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<SignalLevel>))]
public enum SignalLevel
{
    Low,
    Medium,

    /// <summary>E.g. a regulator or a lawyer, closing the account, strong profanity: worth a human now.</summary>
    High,
}
