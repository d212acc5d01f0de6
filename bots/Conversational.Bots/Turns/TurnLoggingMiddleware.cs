using Conversational.Knowledge.Understanding.Entities;
using Microsoft.Extensions.Logging;

namespace Conversational.Bots.Turns;

/// <summary>
/// Logs each turn with its shape, never its words: customer text is personal data and appears only at Trace, a level
/// that must stay off in production, and even there with phone, card and ID numbers masked.
/// </summary>
public sealed partial class TurnLoggingMiddleware(ILogger<TurnLoggingMiddleware> logger) : ITurnMiddleware
{
    public async Task OnTurnAsync(TurnContext context, NextDelegate next, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        LogTurn(context.State.ConversationId, context.Activity.Id, context.Activity.Type, context.Activity.Text?.Length ?? 0);
        if (logger.IsEnabled(LogLevel.Trace) && context.Activity.Text is { } text)
        {
            LogText(context.State.ConversationId, PiiMasker.Mask(text));
        }
        await next(cancellationToken);
        LogOutcome(context.State.ConversationId, context.Activity.Id, context.Outbox.Count, context.Understanding?.Intent);
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Turn {ConversationId}#{ActivityId}: {ActivityType}, {Length} chars")]
    private partial void LogTurn(string conversationId, string? activityId, string activityType, int length);

    [LoggerMessage(Level = LogLevel.Trace, Message = "Turn {ConversationId} text: {Text}")]
    private partial void LogText(string conversationId, string text);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Turn {ConversationId}#{ActivityId} done: {EventCount} events, intent {Intent}")]
    private partial void LogOutcome(string conversationId, string? activityId, int eventCount, string? intent);
}
