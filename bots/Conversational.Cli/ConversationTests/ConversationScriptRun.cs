using System.Globalization;
using Conversational.Bots.Activities;
using Conversational.Bots.Conversations;

namespace Conversational.Cli.ConversationTests;

/// <summary>
/// One script's conversation, step by step: sends through <paramref name="channel"/>, and checks each turn against
/// the conversation's log in <paramref name="store"/>, which every channel shares; agents act through <paramref name="agents"/>.
/// </summary>
internal sealed class ConversationScriptRun(ConversationScript script, IScriptChannel channel, ScriptAgents agents,
    IConversationStore store, CapturedOneTimeCodes codes, ScenarioClock clock)
{
    private const string OneTimeCodePlaceholder = "{otp}";
    private const string WrongCodePlaceholder = "{wrong_otp}";

    private readonly List<string> _failures = [];
    private readonly List<string> _transcript = [];
    private ConversationState _state = new() { ConversationId = "" };

    public async Task<ScriptResult> RunAsync(CancellationToken cancellationToken)
    {
        var started = await channel.StartAsync(script, cancellationToken);
        _state = new ConversationState { ConversationId = started.ConversationId };
        await CatchUpAsync(started.ConversationId, cancellationToken);
        Write(started.BotActivities);
        foreach (var step in script.Steps)
        {
            switch (step)
            {
                case UserStep user:
                    await SayAsync(user, cancellationToken);
                    break;
                case AgentStep agent:
                    await ActAsync(agent, cancellationToken);
                    break;
                case WaitStep wait:
                    clock.Advance(wait.Duration);
                    _transcript.Add($"-- {wait.Duration} later");
                    break;
            }
        }

        return new ScriptResult(script, _failures, _transcript);
    }

    private async Task SayAsync(UserStep step, CancellationToken cancellationToken)
    {
        var text = step.Text;
        if (text.Contains(OneTimeCodePlaceholder, StringComparison.Ordinal))
        {
            text = text.Replace(OneTimeCodePlaceholder, LastCode(step, OneTimeCodePlaceholder), StringComparison.Ordinal);
        }

        if (text.Contains(WrongCodePlaceholder, StringComparison.Ordinal))
        {
            // The last code with its first digit moved on by one: six digits that are surely wrong.
            var last = LastCode(step, WrongCodePlaceholder);
            text = text.Replace(WrongCodePlaceholder, (char)('0' + (last[0] - '0' + 1) % 10) + last[1..], StringComparison.Ordinal);
        }

        _transcript.Add($"user> {text}");
        var turn = await channel.SendAsync(script, _state.ConversationId, text, cancellationToken);
        var events = await CatchUpAsync(_state.ConversationId, cancellationToken);
        Write(turn.BotActivities);
        Check(step.Line, $"\"{step.Text}\"", step.Expect, turn.BotActivities, [.. events.Select(e => e.Event)]);
    }

    private async Task ActAsync(AgentStep step, CancellationToken cancellationToken)
    {
        var (replies, said) = await agents.ActAsync(_state.ConversationId, step, cancellationToken);
        _transcript.Add($"-- {step.AgentId} {said}");
        var events = await CatchUpAsync(_state.ConversationId, cancellationToken);
        if (step.Action is AgentAction.HandsBack or AgentAction.Closes)
        {
            Write(replies);
            Check(step.Line, $"agent {said}", step.Expect, replies, [.. events.Select(e => e.Event)]);
        }
    }

    private string LastCode(UserStep step, string placeholder) => codes.LastFor(script.Customer)
        ?? throw new ConversationScriptException(script.Path, step.Line, $"{placeholder} used before the bot sent a one-time code");

    /// <param name="what">The step as a failure names it: what the customer said, or what the agent did.</param>
    private void Check(int line, string what, TurnExpectations expect, IReadOnlyList<Activity> replies,
        IReadOnlyList<ConversationEvent> events)
    {
        void Fail(string message) => _failures.Add(string.Create(CultureInfo.InvariantCulture, $"{script.Path}:{line}: {what}: {message}"));

        void Compare(string field, string? expected, string actual)
        {
            if (expected is not null && expected != actual)
            {
                Fail($"{field} is {actual}, expected {expected}");
            }
        }

        var text = string.Join("\n", replies.Select(r => r.Text));
        var quickReplies = replies.SelectMany(r => r.SuggestedActions?.Actions ?? []).Select(a => a.Title).ToList();
        foreach (var expected in expect.Contains.Where(e => !text.Contains(e, StringComparison.Ordinal)))
        {
            Fail($"the bot's reply does not contain \"{expected}\"");
        }

        foreach (var unexpected in expect.NotContains.Where(e => text.Contains(e, StringComparison.Ordinal)))
        {
            Fail($"the bot's reply contains \"{unexpected}\"");
        }

        foreach (var expected in expect.QuickReplies.Where(e => !quickReplies.Contains(e)))
        {
            Fail($"no quick reply \"{expected}\" (offered: {string.Join(", ", quickReplies)})");
        }

        if (expect.Silent && replies.Count > 0)
        {
            Fail("the bot answered, but it should have stayed silent");
        }

        if (!expect.Silent && replies.Count == 0)
        {
            Fail("the bot did not answer");
        }

        var intent = events.OfType<IntentRecognized>().FirstOrDefault()?.Intent;
        Compare("intent", expect.Intent, intent ?? "none");
        Compare("skill", expect.Skill, _state.ActiveDialog?.Skill ?? "none");
        Compare("step", expect.Step, _state.ActiveDialog?.Step ?? "none");
        Compare("ended", expect.Ended, events.OfType<SkillEnded>().LastOrDefault()?.Outcome ?? "no");
        Compare("handoff", expect.Handoff, events.OfType<HandoffRequested>().LastOrDefault()?.Reason ?? "no");
        var facts = events.OfType<SkillFactRecorded>().Select(f => f.Fact.GetType().Name).ToList();
        foreach (var expected in expect.Facts.Where(f => !facts.Contains(f)))
        {
            Fail($"no {expected} recorded (recorded: {(facts.Count == 0 ? "none" : string.Join(", ", facts))})");
        }

        Compare("owner", expect.Owner, _state.Owner.ToString().ToLowerInvariant());
        Compare("queued", expect.Queued, events.OfType<HandoffQueued>().LastOrDefault()?.SkillGroup ?? "no");
        Compare("cancelled", expect.Cancelled, events.OfType<HandoffCancelled>().LastOrDefault()?.Reason ?? "no");
        Compare("rated", expect.Rated,
            events.OfType<AgentRated>().LastOrDefault()?.Score.ToString(CultureInfo.InvariantCulture) ?? "no");
    }

    /// <summary>Applies the events appended since the last look and returns them.</summary>
    private async Task<IReadOnlyList<StoredEvent>> CatchUpAsync(string conversationId, CancellationToken cancellationToken)
    {
        var events = await store.ReadAsync(conversationId, _state.Version, cancellationToken);
        _state = events.Aggregate(_state, (state, e) => state.Apply(e));
        return events;
    }

    private void Write(IEnumerable<Activity> activities)
    {
        foreach (var activity in activities.Where(a => a.Type == ActivityTypes.Message))
        {
            var options = activity.SuggestedActions?.Actions is { Count: > 0 } actions
                ? "  [" + string.Join("] [", actions.Select(a => a.Title)) + "]"
                : "";
            _transcript.Add($"bot> {activity.Text?.ReplaceLineEndings(" / ")}{options}");
        }
    }
}
