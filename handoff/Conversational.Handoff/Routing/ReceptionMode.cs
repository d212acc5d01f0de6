namespace Conversational.Handoff.Routing;

/// <summary>Who receives the customer first (接待模式).</summary>
public enum ReceptionMode
{
    /// <summary>机器人优先: the bot serves; a person when it cannot or the customer asks.</summary>
    BotFirst,

    /// <summary>人工优先: straight to a person; the bot only while no one is free.</summary>
    HumanFirst,

    /// <summary>仅机器人: the bot only, e.g. outside hours, where a person cannot be offered (leave a message instead).</summary>
    BotOnly,

    /// <summary>仅人工: a person only; the bot stays silent.</summary>
    HumanOnly,
}
