using Stopwatch = System.Diagnostics.Stopwatch;
using System.Globalization;
using Conversational.Bots.Activities;
using Conversational.Bots.Conversations;
using Conversational.Bots.Telemetry;
using Microsoft.Extensions.Logging;

namespace Conversational.Bots.Turns;

/// <summary>
/// Where every channel hands a customer's activity to the bot. One turn at a time per conversation (the store's
/// turn lock); the customer's message is stored before the bot runs, so it survives whatever happens next; a channel
/// message id already seen returns the stored outcome instead of running the turn again.
/// </summary>
public sealed partial class ConversationRuntime(IConversationStore store, TurnPipeline pipeline, ConversationChangeFeed changes,
    BotTelemetry telemetry, ILogger<ConversationRuntime> logger)
{
    // Only a writer bypassing the turn lock (a second process on one SQLite file) can cause a conflict; retry a few times.
    private const int MaxAppendAttempts = 5;

    /// <summary>Starts a conversation and lets the bot greet.</summary>
    public async Task<TurnResult> StartAsync(string customerId, string channel, string locale, CancellationToken cancellationToken)
    {
        var record = await store.StartAsync(customerId, channel, locale, cancellationToken);
        var greeting = new Activity { Type = ActivityTypes.ConversationUpdate, ChannelId = channel, Locale = locale };
        await using var turnLock = await store.LockTurnAsync(record.Id, cancellationToken);
        return await RunTurnAsync(record.Id, greeting, afterSeq: 0, cancellationToken);
    }

    /// <summary>Records the customer's activity and runs the bot's turn on it.</summary>
    /// <param name="channelMessageId">The channel's id for this message, to process a retried delivery once; null if none.</param>
    /// <exception cref="ConversationNotFoundException">No such conversation.</exception>
    public async Task<TurnResult> ProcessAsync(string conversationId, Activity activity, string? channelMessageId,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var started = Stopwatch.GetTimestamp();
        using var span = BotTelemetry.Source.StartActivity("conversation.turn");
        span?.SetTag("conversation.id", conversationId);

        await using var turnLock = await store.LockTurnAsync(conversationId, cancellationToken);
        if (channelMessageId is not null && await store.FindByDedupeKeyAsync(conversationId, channelMessageId, cancellationToken) is { } seq)
        {
            LogReplayed(conversationId, seq);
            return await ReadReplayAsync(conversationId, seq, cancellationToken);
        }

        var userSeq = await AppendWithRetryAsync(conversationId, _ => Task.FromResult<IReadOnlyList<ConversationEvent>>(
            [new UserMessaged(activity with { Id = null, Timestamp = null }, channelMessageId)]), cancellationToken);
        var result = await RunTurnAsync(conversationId, activity with { Id = userSeq.ToString(CultureInfo.InvariantCulture) },
            afterSeq: userSeq - 1, cancellationToken);

        telemetry.Turns.Add(1);
        telemetry.TurnDuration.Record(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        return result;
    }

    /// <summary>Runs the pipeline on the conversation as it now stands and stores what the turn produced.</summary>
    private async Task<TurnResult> RunTurnAsync(string conversationId, Activity activity, long afterSeq, CancellationToken cancellationToken)
    {
        await AppendWithRetryAsync(conversationId, async state =>
        {
            var context = new TurnContext(activity, state);
            await pipeline.RunAsync(context, cancellationToken);
            return context.Outbox;
        }, cancellationToken);

        changes.Publish(conversationId);
        var events = await store.ReadAsync(conversationId, afterSeq, cancellationToken);
        return new TurnResult(conversationId, ConversationTranscript.ToActivities(events), events[^1].Seq, Replayed: false);
    }

    /// <returns>The sequence number of the last event appended.</returns>
    private async Task<long> AppendWithRetryAsync(string conversationId,
        Func<ConversationState, Task<IReadOnlyList<ConversationEvent>>> produce, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var state = ConversationState.Replay(conversationId, await store.ReadAsync(conversationId, 0, cancellationToken));
            if (state.Version == 0)
            {
                throw new ConversationNotFoundException(conversationId);
            }

            var events = await produce(state);
            try
            {
                await store.AppendAsync(conversationId, state.Version, events, cancellationToken);
                return state.Version + events.Count;
            }
            catch (ConcurrencyConflictException) when (attempt < MaxAppendAttempts)
            {
                LogConflict(conversationId, attempt);
            }
        }
    }

    private async Task<TurnResult> ReadReplayAsync(string conversationId, long userSeq, CancellationToken cancellationToken)
    {
        var events = await store.ReadAsync(conversationId, userSeq - 1, cancellationToken);
        var turn = events.Take(1).Concat(events.Skip(1).TakeWhile(e => e.Event is not UserMessaged)).ToList();
        return new TurnResult(conversationId, ConversationTranscript.ToActivities(turn), turn[^1].Seq, Replayed: true);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Message {ConversationId}#{Seq} was delivered again; returning the stored turn")]
    private partial void LogReplayed(string conversationId, long seq);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Append to {ConversationId} conflicted (attempt {Attempt}); reloading")]
    private partial void LogConflict(string conversationId, int attempt);
}
