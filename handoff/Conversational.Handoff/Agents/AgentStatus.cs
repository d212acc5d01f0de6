namespace Conversational.Handoff.Agents;

/// <summary>An agent's presence (在线状态) as the desk sets it.</summary>
public enum AgentStatus
{
    Offline,
    Available,
    Away,
}
