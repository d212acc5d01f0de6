namespace Conversational.Handoff.Agents;

/// <summary>One skill group an agent serves (技能) and how well, 1–5, higher is better.</summary>
public sealed record SkillProficiency(string SkillGroup, int Level);

/// <summary>Who an agent (坐席) is: name shown to customers, skills, and how many chats they take at once.</summary>
public sealed record AgentProfile(string AgentId, string DisplayName, IReadOnlyList<SkillProficiency> Skills, int MaxConcurrentChats);

/// <summary>
/// An agent now. <see cref="Status"/> is effective: <see cref="AgentStatus.Offline"/> when the last heartbeat is older
/// than <see cref="HandoffOptions.HeartbeatTimeout"/>, whatever the agent last chose.
/// </summary>
public sealed record AgentSnapshot(AgentProfile Profile, AgentStatus Status, int ActiveChats, DateTimeOffset? LastHeartbeatAt);
