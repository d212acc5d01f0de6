using Conversational.Bots.Activities;

namespace Conversational.Host.Desk;

/// <param name="Status"><c>available</c>, <c>away</c> or <c>offline</c>.</param>
public sealed record PresenceRequest(string? Status);

public sealed record AgentMessageRequest(string? Text);

/// <summary>The agent has read the chat up to <paramref name="Seq"/>.</summary>
public sealed record ReadRequest(long? Seq);

/// <summary>To one agent or to one skill group, not both; the note is for whoever takes the conversation.</summary>
public sealed record TransferRequest(string? ToAgentId, string? ToSkillGroup, string? Note);

/// <param name="ResumeStep">A step of the skill in the package (<c>package.skill</c>); none: the bot resumes where it stopped.</param>
public sealed record HandBackRequest(string? ResumeStep);

/// <param name="Disposition">A code from <c>GET /api/desk/dispositions</c>.</param>
/// <param name="AcknowledgeMissingDisclosures">Close even though mandatory disclosures are unsaid; recorded for quality inspection.</param>
public sealed record CloseRequest(string? Disposition, bool? AcknowledgeMissingDisclosures);

/// <summary>A mandatory disclosure the agent has not said, as the close's 409 lists it.</summary>
public sealed record MissingDisclosure(string Id, string Title);

/// <param name="Kind">The ticket draft's kind (its business template), or <c>agent</c> (the default).</param>
public sealed record TicketRequest(string? Text, Dictionary<string, string>? Fields, string? Kind);

public sealed record AcceptedOffer(string ConversationId);

/// <summary>What the bot said after the agent's action (the resumed step's question, the rating request).</summary>
public sealed record BotFollowUp(IReadOnlyList<Activity> Replies);
