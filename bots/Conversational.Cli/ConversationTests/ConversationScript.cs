namespace Conversational.Cli.ConversationTests;

/// <summary>
/// A conversation test file (DESIGN §17): who talks, on which channel, when, and the steps with what the bot must do.
/// Trainers write these in YAML; see <c>tests/conversations/README.md</c> for the format.
/// </summary>
internal sealed record ConversationScript(string Name, string Path, string Customer, string Channel, string Locale,
    DateTimeOffset Now, IReadOnlyList<ScriptStep> Steps);

/// <summary>One step of a script; <see cref="Line"/> points failures at the file.</summary>
internal abstract record ScriptStep(int Line);

/// <summary>The customer says <see cref="Text"/>; the bot's turn must meet <see cref="Expect"/>.</summary>
/// <param name="Text">May contain <c>{otp}</c>: the last one-time code the bot sent this customer.</param>
internal sealed record UserStep(int Line, string Text, TurnExpectations Expect) : ScriptStep(Line);

/// <summary>
/// An agent comes online (available), takes the conversation over, hands it back to the bot (into
/// <paramref name="ResumeAt"/>, a step of the active skill, if given) or closes it with <paramref name="Disposition"/>;
/// after a hand-back or close the bot's follow-up must meet <paramref name="Expect"/>.
/// </summary>
internal sealed record AgentStep(int Line, AgentAction Action, string AgentId, string? ResumeAt, string Disposition,
    TurnExpectations Expect) : ScriptStep(Line);

/// <summary>Time passes (a code expires, a return window closes).</summary>
internal sealed record WaitStep(int Line, TimeSpan Duration) : ScriptStep(Line);

internal enum AgentAction
{
    Available,
    TakesOver,
    HandsBack,
    Closes,
}

/// <summary>What a customer turn must show. Every expectation left null is not checked.</summary>
internal sealed record TurnExpectations
{
    /// <summary>Text every one of which appears in the bot's replies of the turn.</summary>
    public IReadOnlyList<string> Contains { get; init; } = [];

    public IReadOnlyList<string> NotContains { get; init; } = [];

    /// <summary>Titles every one of which is among the turn's quick replies.</summary>
    public IReadOnlyList<string> QuickReplies { get; init; } = [];

    public string? Intent { get; init; }

    /// <summary>The skill dialog active after the turn, or <c>none</c>.</summary>
    public string? Skill { get; init; }

    /// <summary>The step the active dialog waits at after the turn.</summary>
    public string? Step { get; init; }

    /// <summary>How a dialog ended in this turn: <c>completed</c> or <c>cancelled</c>.</summary>
    public string? Ended { get; init; }

    /// <summary>The reason of a handoff requested in this turn.</summary>
    public string? Handoff { get; init; }

    /// <summary>Who answers the customer after the turn: <c>bot</c>, <c>waiting</c> (queued for a person) or <c>agent</c>.</summary>
    public string? Owner { get; init; }

    /// <summary>The skill group the turn queued the customer in.</summary>
    public string? Queued { get; init; }

    /// <summary>Why the customer stopped waiting in this turn: <c>customer_gave_up</c> or <c>left_message</c>.</summary>
    public string? Cancelled { get; init; }

    /// <summary>The 1–5 score the customer gave the agent in this turn, or <c>no</c>.</summary>
    public string? Rated { get; init; }

    /// <summary>Skill facts (by type name) the turn recorded.</summary>
    public IReadOnlyList<string> Facts { get; init; } = [];

    /// <summary>True: the bot must not answer (an agent owns the conversation, or the customer waits for one).</summary>
    public bool Silent { get; init; }
}
