using Conversational.Bots.Activities;
using Conversational.Bots.Conversations;
using Conversational.Bots.Policies;
using Conversational.Knowledge.Articles;
using Conversational.Knowledge.Unanswered;
using Conversational.Knowledge.Understanding;
using Conversational.Knowledge.Understanding.Entities;
using Microsoft.Extensions.Logging;

namespace Conversational.Bots.Turns;

/// <summary>
/// Records the customer's question when the bot's turn ended without an answer (未解决问题), for the trainers'
/// unanswered-questions view: a message the model could not place and the knowledge base did not answer (the bot
/// clarified or offered a person), an FAQ topic whose best entry was below the floor, or a handoff because the bot
/// kept missing. The text is masked (<see cref="PiiMasker"/>) before it is stored.
/// </summary>
/// <remarks>
/// It runs inside the error boundary and writes before the turn's events are appended: if the question cannot be
/// stored the turn fails (the customer is asked to say it again), so a turn that succeeded never lost its question.
/// A retried turn records nothing twice (the store keys on the message's id).
/// </remarks>
public sealed partial class UnansweredQuestionRecorder(SqlUnansweredStore store, TimeProvider time, ILogger<UnansweredQuestionRecorder> logger)
    : ITurnMiddleware
{
    public async Task OnTurnAsync(TurnContext context, NextDelegate next, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        await next(cancellationToken);
        if (context.Activity is not { Type: ActivityTypes.Message, Text: { } text } || string.IsNullOrWhiteSpace(text)
            || context.Understanding is not { } understanding || ReasonFor(context, understanding) is not { } reason)
        {
            return;
        }

        var activity = context.Activity;
        await store.RecordAsync(new UnansweredQuestion(0, context.State.ConversationId, activity.Id ?? Guid.NewGuid().ToString("N"),
            PiiMasker.Mask(text).Trim(), KnowledgeLanguages.ForLocale(context.Language), activity.ChannelId ?? context.State.Channel,
            understanding.Intent, understanding.Confidence, context.Knowledge?.Result.Confidence, reason,
            activity.Timestamp ?? time.GetUtcNow()), cancellationToken);
        LogRecorded(context.State.ConversationId, activity.Id, reason);
    }

    /// <summary>Why the turn counts as unanswered; null when the bot answered, a skill took the message, or it was not a question for the bot.</summary>
    private static UnansweredReason? ReasonFor(TurnContext context, Understanding understanding)
    {
        var outbox = context.Outbox;
        if (outbox.Any(e => e is KnowledgeAnswered or SkillStepped or SkillFactRecorded
            || e is SkillEnded { Outcome: SkillOutcomes.Cancelled }))
        {
            return null;
        }

        if (outbox.Any(e => e is HandoffRequested { Reason: HandoffReasons.RepeatedMisunderstanding }))
        {
            return UnansweredReason.NoAnswerHandoff;
        }

        if (understanding.Intent == Intents.OutOfScope)
        {
            return UnansweredReason.OutOfScope;
        }

        return Intents.IsFaq(understanding.Intent) && context.Knowledge is { Answer: null } ? UnansweredReason.BelowFloor : null;
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Unanswered question recorded for {ConversationId}#{ActivityId}: {Reason}")]
    private partial void LogRecorded(string conversationId, string? activityId, UnansweredReason reason);
}
