using Conversational.Bots.Activities;
using Conversational.Bots.Conversations;
using Conversational.Bots.Customers;
using Conversational.Bots.Turns;
using Conversational.Knowledge.Understanding;
using Conversational.Knowledge.Understanding.Entities;
using Conversational.Skills.Dialogs;
using Microsoft.Extensions.Options;

namespace Conversational.Bots.Policies;

/// <summary>
/// Gives the customer's message to the skill dialog in progress, or starts the dialog its intent asks for, and does
/// what every dialog shares: cancel at any step, a question in the middle answered before the step is asked again,
/// and a person, with the dialog's slots, when the bot keeps missing or the skill asks for one.
/// </summary>
public sealed class SkillDispatcher(IEnumerable<ISkillDialog> dialogs, ICustomerDirectory customers, EntityExtractor entities,
    TimeProvider time, IOptions<BotOptions> options)
{
    private readonly Dictionary<string, ISkillDialog> _bySkill = dialogs.ToDictionary(d => d.Skill, StringComparer.Ordinal);

    /// <summary>
    /// Null when no skill took the message (the general policy answers it); else <see cref="ListenDecision"/>, or the
    /// <see cref="HandOffDecision"/> the dialog's turn ended in.
    /// </summary>
    public async Task<Decision?> TryHandleAsync(TurnContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Activity is not { Type: ActivityTypes.Message, Text: { } text } || context.Understanding is not { } understanding
            || understanding.Intent == Intents.TransferToHuman)
        {
            // Asking for a person is the general policy's to answer, from any step; the handoff carries the dialog.
            return null;
        }

        var messages = BotMessages.For(context.Language);
        // Built at most once, and only when a dialog will read it (it looks the customer up).
        SkillTurn? turn = null;
        async Task<SkillTurn> TurnOnceAsync() => turn ??= await TurnAsync(context, text, understanding, cancellationToken);

        if (context.State.ActiveDialog is { } active && _bySkill.TryGetValue(active.Skill, out var current))
        {
            if (DialogCommands.IsCancel(text))
            {
                context.Record(new SkillEnded(active.Skill, SkillOutcomes.Cancelled));
                context.Reply(string.Format(null, messages.DialogCancelled, messages.CapabilityName(active.Skill)), messages.MenuOptions);
                return ListenDecision.Instance;
            }

            var outcome = await current.ContinueAsync(active, await TurnOnceAsync(), cancellationToken);
            if (outcome.Understood)
            {
                return Apply(context, current, outcome);
            }

            if (current.Prompt(active, context.Language) is { } prompt)
            {
                return AnswerInTheMiddle(context, active, prompt, understanding, messages);
            }

            // The dialog was at rest (its answer given) and this message is about something else: it ends here, and the
            // message is handled as if no dialog had been active.
            context.Record(new SkillEnded(active.Skill, SkillOutcomes.Completed));
        }

        if (_bySkill.Values.FirstOrDefault(d => d.StartIntents.Contains(understanding.Intent)) is not { } starting)
        {
            return null;
        }

        return Apply(context, starting, await starting.BeginAsync(await TurnOnceAsync(), cancellationToken));
    }

    /// <summary>
    /// The message was no answer to the step: answer what it was, then ask the step again; or, when that makes
    /// <see cref="BotOptions.HandoffAfterMisunderstandings"/> misses in a row, stop asking and hand over to a person, who
    /// sees the dialog's slots.
    /// </summary>
    private Decision AnswerInTheMiddle(TurnContext context, DialogSnapshot active, SkillReply prompt, Understanding understanding,
        BotMessages messages)
    {
        switch (understanding.Intent)
        {
            case Intents.Help or Intents.Greeting:
                context.Reply(string.Format(null, messages.InDialogHelp, messages.CapabilityName(active.Skill)));
                break;
            case Intents.ThanksBye:
                context.Reply(messages.InDialogThanks);
                break;
            case var intent when intent != active.Skill && _bySkill.Values.Any(d => d.StartIntents.Contains(intent)):
                context.Reply(string.Format(null, messages.InDialogOtherSkill, messages.CapabilityName(active.Skill), messages.CapabilityName(intent)));
                break;
            case var _ when context.State.ConsecutiveMisunderstandings + 1 >= options.Value.HandoffAfterMisunderstandings:
                return new HandOffDecision(HandoffReasons.RepeatedMisunderstanding, active);
            default:
                context.Reply(messages.InDialogNotUnderstood);
                break;
        }

        context.Reply(prompt.Text, prompt.QuickReplies);
        return ListenDecision.Instance;
    }

    private static Decision Apply(TurnContext context, ISkillDialog dialog, DialogOutcome outcome)
    {
        foreach (var reply in outcome.Replies)
        {
            context.Reply(reply.Text, reply.QuickReplies);
        }

        foreach (var fact in outcome.Facts)
        {
            context.Record(new SkillFactRecorded(fact));
        }

        context.Record(outcome.Next is { } next ? new SkillStepped(next) : new SkillEnded(dialog.Skill, SkillOutcomes.Completed));
        return outcome.HandoffReason is { } reason ? new HandOffDecision(reason, outcome.Next) : ListenDecision.Instance;
    }

    private async Task<SkillTurn> TurnAsync(TurnContext context, string text, Understanding understanding,
        CancellationToken cancellationToken)
    {
        // An anonymous web visitor is "logged in" only as themselves; their card needs a one-time code.
        var verified = options.Value.VerifiedChannels.Contains(context.State.Channel, StringComparer.OrdinalIgnoreCase)
            && await customers.FindAsync(context.State.CustomerId, cancellationToken) is { } profile
            && !profile.Tags.Contains(CustomerTags.Visitor, StringComparer.Ordinal);
        var now = time.GetUtcNow();
        var normalized = TextNormalizer.Normalize(text);
        return new SkillTurn
        {
            TurnId = context.Activity.Id ?? Guid.CreateVersion7().ToString("N"),
            ConversationId = context.State.ConversationId,
            CustomerId = context.State.CustomerId,
            CustomerVerified = verified,
            Language = context.Language,
            Text = text,
            NormalizedText = normalized,
            Understanding = understanding.InDialog(),
            Entities = entities.Extract(text, DateOnly.FromDateTime(now.ToOffset(ChinaStandardTime).DateTime)),
            Now = now,
            Facts = context.State.SkillFacts,
        };
    }

    // Relative dates (今天, 上周五) mean the customer's calendar day; the service is in China.
    private static readonly TimeSpan ChinaStandardTime = TimeSpan.FromHours(8);
}
