using Stopwatch = System.Diagnostics.Stopwatch;
using Conversational.Bots.Activities;
using Conversational.Bots.Conversations;
using Conversational.Bots.Copilot;
using Conversational.Bots.Handoff;
using Conversational.Bots.Telemetry;
using Microsoft.Extensions.Logging;

namespace Conversational.Bots.Turns;

/// <summary>
/// Where every channel hands a customer's activity to the bot. One turn at a time per conversation (the store's
/// turn lock); the customer's message is stored before the bot runs, so it survives whatever happens next; a channel
/// message id already seen returns the stored outcome instead of running the turn again.
/// </summary>
public sealed partial class ConversationRuntime(IConversationStore store, TurnPipeline pipeline, ConversationStateCache states,
    ConversationChangeFeed changes, AgentFollowUp followUp, OpeningDetection openings, BotTelemetry telemetry,
    ILogger<ConversationRuntime> logger)
{
    // Only a writer bypassing the turn lock (a second process on one SQLite file) can cause a conflict; retry a few times.
    private const int MaxAppendAttempts = 5;

    /// <summary>Starts a conversation and lets the bot greet.</summary>
    public async Task<TurnResult> StartAsync(string customerId, string channel, string locale, CancellationToken cancellationToken)
    {
        var record = await store.StartAsync(customerId, channel, locale, cancellationToken);
        var greeting = new Activity { Type = ActivityTypes.ConversationUpdate, ChannelId = channel, Locale = locale };
        await using var turnLock = await store.LockTurnAsync(record.Id, cancellationToken);
        return Result(record.Id, await RunTurnAsync(record.Id, greeting, cancellationToken), replayed: false);
    }

    /// <summary>
    /// Records the customer's activity and runs the bot's turn on it. A message to an agent's chat then goes to opening
    /// detection (启齿率), after the turn lock is released, so it never holds up the customer's next message.
    /// </summary>
    /// <param name="channelMessageId">The channel's id for this message, to process a retried delivery once; null if none.</param>
    /// <exception cref="ConversationNotFoundException">No such conversation.</exception>
    public async Task<TurnResult> ProcessAsync(string conversationId, Activity activity, string? channelMessageId,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var (result, toAgent) = await ProcessLockedAsync(conversationId, activity, channelMessageId, cancellationToken);
        if (toAgent)
        {
            await openings.ObserveAsync(conversationId, cancellationToken);
        }

        return result;
    }

    /// <returns>The turn, and whether an agent owned the chat when the message came (false for a replayed delivery).</returns>
    private async Task<(TurnResult Result, bool ToAgent)> ProcessLockedAsync(string conversationId, Activity activity,
        string? channelMessageId, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        using var span = BotTelemetry.Source.StartActivity("conversation.turn");
        span?.SetTag("conversation.id", conversationId);

        await using var turnLock = await store.LockTurnAsync(conversationId, cancellationToken);
        if (channelMessageId is not null && await store.FindByDedupeKeyAsync(conversationId, channelMessageId, cancellationToken) is { } seq)
        {
            LogReplayed(conversationId, seq);
            return (await ReadReplayAsync(conversationId, seq, cancellationToken), false);
        }

        var toAgent = false;
        var user = await AppendWithRetryAsync(conversationId, state =>
        {
            toAgent = state.Owner == ConversationOwner.Agent;
            return Task.FromResult<IReadOnlyList<ConversationEvent>>([new UserMessaged(activity with { Id = null, Timestamp = null }, channelMessageId)]);
        }, cancellationToken);
        var bot = await RunTurnAsync(conversationId, ConversationTranscript.ToActivity(user[0])!, cancellationToken);

        telemetry.Turns.Add(1);
        telemetry.TurnDuration.Record(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        return (Result(conversationId, [.. user, .. bot], replayed: false), toAgent);
    }

    /// <summary>
    /// Records an event that is not a turn (the app reporting the customer's behaviour): the bot does not answer it, but it
    /// waits for the turn lock so it never lands in the middle of a turn's events.
    /// </summary>
    /// <exception cref="ConversationNotFoundException">No such conversation.</exception>
    public async Task<StoredEvent> RecordAsync(string conversationId, ConversationEvent conversationEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(conversationEvent);
        await using var turnLock = await store.LockTurnAsync(conversationId, cancellationToken);
        var stored = await AppendWithRetryAsync(conversationId, _ => Task.FromResult<IReadOnlyList<ConversationEvent>>([conversationEvent]),
            cancellationToken);
        return stored[0];
    }

    /// <summary>
    /// The bot speaks after an agent action that is not a customer message: after <see cref="HandedBackToBot"/> it re-prompts
    /// the resumed skill step; after <see cref="HandoffClosed"/> it asks for a 1–5 rating. The caller appends the agent's
    /// event first, then calls this.
    /// </summary>
    /// <returns>The bot's replies, as appended; empty when there is nothing to follow up (or it was done already).</returns>
    /// <exception cref="ConversationNotFoundException">No such conversation.</exception>
    public async Task<IReadOnlyList<Activity>> FollowUpAfterAgentAsync(string conversationId, CancellationToken cancellationToken)
    {
        await using var turnLock = await store.LockTurnAsync(conversationId, cancellationToken);
        var stored = await AppendWithRetryAsync(conversationId,
            async state => followUp.After(state, await store.ReadAsync(conversationId, 0, cancellationToken)), cancellationToken);
        return ConversationTranscript.ToActivities(stored);
    }

    /// <summary>Runs the pipeline on the conversation as it now stands and stores what the turn produced.</summary>
    private async Task<IReadOnlyList<StoredEvent>> RunTurnAsync(string conversationId, Activity activity, CancellationToken cancellationToken)
    {
        return await AppendWithRetryAsync(conversationId, async state =>
        {
            var context = new TurnContext(activity, state);
            await pipeline.RunAsync(context, cancellationToken);
            return context.Outbox;
        }, cancellationToken);
    }

    /// <returns>The events as stored, with their sequence numbers.</returns>
    private async Task<IReadOnlyList<StoredEvent>> AppendWithRetryAsync(string conversationId,
        Func<ConversationState, Task<IReadOnlyList<ConversationEvent>>> produce, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var state = await LoadAsync(conversationId, cancellationToken);
            var events = await produce(state);
            try
            {
                var stored = await store.AppendAsync(conversationId, state.Version, events, cancellationToken);
                states.Set(stored.Aggregate(state, (s, e) => s.Apply(e)));
                changes.Publish(conversationId);
                return stored;
            }
            catch (ConcurrencyConflictException) when (attempt < MaxAppendAttempts)
            {
                LogConflict(conversationId, attempt);
            }
        }
    }

    /// <summary>The cached state brought up to date with whatever was appended since, here or on another host.</summary>
    private async Task<ConversationState> LoadAsync(string conversationId, CancellationToken cancellationToken)
    {
        var cached = states.Get(conversationId);
        var state = (await store.ReadAsync(conversationId, cached.Version, cancellationToken)).Aggregate(cached, (s, e) => s.Apply(e));
        return state.Version == 0 ? throw new ConversationNotFoundException(conversationId) : state;
    }

    private static TurnResult Result(string conversationId, IReadOnlyList<StoredEvent> events, bool replayed) =>
        new(conversationId, ConversationTranscript.ToActivities(events), events[^1].Seq, replayed);

    private async Task<TurnResult> ReadReplayAsync(string conversationId, long userSeq, CancellationToken cancellationToken)
    {
        var events = await store.ReadAsync(conversationId, userSeq - 1, cancellationToken);
        return Result(conversationId, [.. events.Take(1).Concat(events.Skip(1).TakeWhile(e => e.Event is not UserMessaged))], replayed: true);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Message {ConversationId}#{Seq} was delivered again; returning the stored turn")]
    private partial void LogReplayed(string conversationId, long seq);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Append to {ConversationId} conflicted (attempt {Attempt}); reloading")]
    private partial void LogConflict(string conversationId, int attempt);
}
