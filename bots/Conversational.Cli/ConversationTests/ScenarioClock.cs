namespace Conversational.Cli.ConversationTests;

/// <summary>The time a conversation test runs at: fixed, and moved only by the script's <c>wait:</c> steps.</summary>
internal sealed class ScenarioClock(DateTimeOffset now) : TimeProvider
{
    private DateTimeOffset _now = now.ToUniversalTime();

    public override DateTimeOffset GetUtcNow() => _now;

    public void Advance(TimeSpan duration) => _now += duration;
}
