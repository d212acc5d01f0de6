using Conversational.Bots.Conversations;
using Conversational.Bots.Policies;
using Conversational.Bots.Telemetry;
using Microsoft.Extensions.Logging;

namespace Conversational.Bots.Turns;

/// <summary>
/// Catches what the bot throws: logs it, discards the half-done turn and apologises. If the previous turn failed
/// too, it also resets the dialog, so the customer is never stuck repeating a step that keeps failing.
/// </summary>
public sealed partial class ErrorBoundaryMiddleware(BotTelemetry telemetry, ILogger<ErrorBoundaryMiddleware> logger) : ITurnMiddleware
{
    public async Task OnTurnAsync(TurnContext context, NextDelegate next, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        try
        {
            await next(cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            LogTurnFailed(exception, context.State.ConversationId, context.Activity.Id);
            telemetry.TurnErrors.Add(1);
            context.DiscardOutbox();
            context.Record(new TurnFailed(exception.GetType().Name));

            var repeated = context.State.ConsecutiveFailedTurns >= 1;
            if (repeated)
            {
                context.Record(new DialogReset("repeated_error"));
            }

            var messages = BotMessages.For(context.Language);
            context.Reply(repeated ? messages.ErrorRepeated : messages.Error, repeated ? [messages.TransferToHumanOption] : null);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Turn {ConversationId}#{ActivityId} failed")]
    private partial void LogTurnFailed(Exception exception, string conversationId, string? activityId);
}
