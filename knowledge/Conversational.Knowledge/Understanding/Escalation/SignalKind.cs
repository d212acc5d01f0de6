using System.Text.Json.Serialization;

namespace Conversational.Knowledge.Understanding.Escalation;

/// <summary>Why a conversation may need a human, a supervisor or a faster queue.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<SignalKind>))]
public enum SignalKind
{
    /// <summary>辱骂: insults and profanity aimed at the bot or the agent.</summary>
    Abuse,

    /// <summary>投诉升级: threatens a complaint, a supervisor, a regulator (12315, 金融监管), the media or a lawyer.</summary>
    ComplaintThreat,

    /// <summary>流失风险: threatens to close the account (销户) or take their business elsewhere.</summary>
    ChurnThreat,

    /// <summary>紧急: needs it now (马上, 立刻, urgent).</summary>
    Urgency,
}
