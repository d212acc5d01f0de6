using Conversational.Bots.Activities;
using Conversational.Bots.Conversations;
using Conversational.Bots.Policies;
using Conversational.Bots.Turns;
using Conversational.Skills.Dialogs;
using Microsoft.Extensions.Logging;

namespace Conversational.Bots.Handoff;

/// <summary>
/// What the bot says after an agent's action that is not a customer message: after a hand-back (交回机器人) it greets
/// again and asks the resumed skill step's question; after the agent closes the chat it asks for a 1–5 rating (满意度).
/// Idempotent: once the bot has spoken after the agent's action, asking again adds nothing.
/// </summary>
public sealed partial class AgentFollowUp(IEnumerable<ISkillDialog> dialogs, ILogger<AgentFollowUp> logger)
{
    private readonly Dictionary<string, ISkillDialog> _bySkill = dialogs.ToDictionary(d => d.Skill, StringComparer.Ordinal);

    /// <summary>The events the bot appends now, given the conversation's state and its whole log.</summary>
    public IReadOnlyList<ConversationEvent> After(ConversationState state, IReadOnlyList<StoredEvent> events)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(events);
        var last = events.LastOrDefault(e =>
            e.Event is HandedBackToBot or HandoffClosed or AgentAssigned or HandoffQueued or HandoffTransferred);
        if (last is null || state.Owner != ConversationOwner.Bot || events.Any(e => e.Seq > last.Seq && e.Event is BotReplied))
        {
            return [];
        }

        var context = new TurnContext(new Activity { Type = ActivityTypes.Event, ChannelId = state.Channel }, state);
        var wording = HandoffWording.For(context.Language);
        switch (last.Event)
        {
            case HandedBackToBot handedBack:
                Resume(context, events, handedBack, wording);
                break;
            case HandoffClosed:
                context.Reply(wording.RatingPrompt, wording.RatingOptions);
                break;
        }

        return context.Outbox;
    }

    private void Resume(TurnContext context, IReadOnlyList<StoredEvent> events, HandedBackToBot handedBack, HandoffWording wording)
    {
        var messages = BotMessages.For(context.Language);
        if (context.State.ActiveDialog is not { } active || !_bySkill.TryGetValue(active.Skill, out var dialog))
        {
            context.Reply(wording.BackFromAgent, messages.MenuOptions);
            return;
        }

        var resumed = DialogResumption.At(events, active, handedBack.ResumeStep);
        if (handedBack.ResumeStep is { } asked && resumed.Step != asked)
        {
            LogStepNotResumable(context.State.ConversationId, active.Skill, asked, active.Step);
        }

        if (resumed != active)
        {
            context.Record(new SkillStepped(resumed));
        }

        context.Reply(wording.BackFromAgent);
        if (dialog.Prompt(resumed, context.Language) is { } prompt)
        {
            context.Reply(prompt.Text, prompt.QuickReplies);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Hand-back in {ConversationId} named step {Step} that {Skill} never reached; resuming at {Current}")]
    private partial void LogStepNotResumable(string conversationId, string skill, string step, string current);
}
