using Conversational.Bots.Activities;
using Conversational.Bots.Conversations;
using Conversational.Knowledge.Understanding.Escalation;

namespace Conversational.Bots.Turns;

/// <summary>
/// Flags abuse, complaint and churn threats and urgency on every customer message, whoever answers it: it runs before
/// the agent gate, because quality inspection and supervisors need the signals most when an agent owns the chat.
/// </summary>
public sealed class EscalationSignalsMiddleware : ITurnMiddleware
{
    public Task OnTurnAsync(TurnContext context, NextDelegate next, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        if (context.Activity is { Type: ActivityTypes.Message, Text: { } text })
        {
            foreach (var signal in EscalationDetector.Detect(text))
            {
                context.Record(new EmotionFlagged(signal.Kind, signal.Level, signal.Cue));
            }
        }

        return next(cancellationToken);
    }
}
