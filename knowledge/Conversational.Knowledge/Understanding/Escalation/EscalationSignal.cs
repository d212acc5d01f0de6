namespace Conversational.Knowledge.Understanding.Escalation;

/// <summary>One kind of escalation a message shows, at its strongest.</summary>
/// <param name="Cue">The normalized words that set the level, for quality inspection (质检) and for agents to see why.</param>
public sealed record EscalationSignal(SignalKind Kind, SignalLevel Level, string Cue);
