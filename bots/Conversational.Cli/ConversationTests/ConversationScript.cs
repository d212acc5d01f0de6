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

/// <summary>An agent takes the conversation over or hands it back to the bot.</summary>
internal sealed record AgentStep(int Line, AgentAction Action, string AgentId) : ScriptStep(Line);

/// <summary>Time passes (a code expires, a return window closes).</summary>
internal sealed record WaitStep(int Line, TimeSpan Duration) : ScriptStep(Line);

internal enum AgentAction
{
    TakesOver,
    HandsBack,
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

    /// <summary>Skill facts (by type name) the turn recorded.</summary>
    public IReadOnlyList<string> Facts { get; init; } = [];

    /// <summary>True: the bot must not answer (an agent owns the conversation).</summary>
    public bool Silent { get; init; }
}
