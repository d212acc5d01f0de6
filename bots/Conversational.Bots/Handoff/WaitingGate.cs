using Conversational.Bots.Activities;
using Conversational.Bots.Conversations;
using Conversational.Bots.Policies;
using Conversational.Bots.Turns;
using Conversational.Handoff.Queues;
using Conversational.Handoff.Tickets;
using Conversational.Skills.Dialogs;
using Microsoft.Extensions.Logging;

namespace Conversational.Bots.Handoff;

/// <summary>
/// While the customer waits for a person the bot only does what the queue reply offered: 不等了 leaves the queue, 留言
/// asks for a message and the next message becomes a ticket. Anything else is kept silently in the log, where the agent
/// reads it on taking the chat. 留言 also works when no one is waiting (outside hours, the bot offers it).
/// </summary>
public sealed partial class WaitingGate(HandoffQueue queue, HandoffTickets tickets, ILogger<WaitingGate> logger) : ITurnMiddleware
{
    /// <summary>The <see cref="HandoffCancelled"/> reasons; a left message is also its ticket's kind.</summary>
    public const string GaveUp = "customer_gave_up";
    public const string LeftMessage = "left_message";

    private static readonly string[] StopWaitingPhrases = ["不等了", "不排了", "不排队了", "不用了", "stop waiting", "no thanks"];
    private static readonly string[] LeaveMessagePhrases = ["留言", "我要留言", "leave a message", "leave message"];

    public async Task OnTurnAsync(TurnContext context, NextDelegate next, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var state = context.State;
        if (context.Activity is not { Type: ActivityTypes.Message, Text: { } text } || state.Owner == ConversationOwner.Agent)
        {
            await next(cancellationToken);
            return;
        }

        var wording = HandoffWording.For(context.Language);
        if (state.AwaitingLeftMessage)
        {
            await (IsStopWaiting(text)
                ? GiveUpAsync(context, wording, cancellationToken)
                : TakeMessageAsync(context, text, wording, cancellationToken));
        }
        else if (IsLeaveMessage(text))
        {
            context.Record(new LeaveMessageAsked());
            context.Reply(wording.AskLeftMessage, [BotMessages.For(context.Language).CancelOption]);
        }
        else if (state.Owner == ConversationOwner.Waiting && IsStopWaiting(text))
        {
            await GiveUpAsync(context, wording, cancellationToken);
        }
        else if (state.Owner != ConversationOwner.Waiting)
        {
            await next(cancellationToken);
        }
    }

    private async Task TakeMessageAsync(TurnContext context, string text, HandoffWording wording, CancellationToken cancellationToken)
    {
        var state = context.State;
        var ticket = await tickets.CreateAsync(state.ConversationId, state.CustomerId, LeftMessage, text, Fields(state.ActiveDialog),
            createdBy: state.CustomerId, cancellationToken);
        await LeaveQueueAsync(state, cancellationToken);
        LogMessageLeft(state.ConversationId, ticket.TicketId);
        context.Record(new HandoffCancelled(LeftMessage, ticket.TicketId));
        context.Reply(wording.MessageLeft(ticket.TicketId));
    }

    private async Task GiveUpAsync(TurnContext context, HandoffWording wording, CancellationToken cancellationToken)
    {
        await LeaveQueueAsync(context.State, cancellationToken);
        context.Record(new HandoffCancelled(GaveUp));
        context.Reply(wording.StoppedWaiting, BotMessages.For(context.Language).MenuOptions);
    }

    private async Task LeaveQueueAsync(ConversationState state, CancellationToken cancellationToken)
    {
        if (state.Owner == ConversationOwner.Waiting)
        {
            await queue.CancelAsync(state.ConversationId, cancellationToken);
        }
    }

    // Where the customer was, so whoever calls back does not have to ask again.
    private static Dictionary<string, string> Fields(DialogSnapshot? dialog) => dialog is null
        ? []
        : new() { ["skill"] = dialog.Skill, ["step"] = dialog.Step };

    private static bool IsStopWaiting(string text) => DialogCommands.IsCancel(text) || Matches(text, StopWaitingPhrases);

    private static bool IsLeaveMessage(string text) => Matches(text, LeaveMessagePhrases);

    private static bool Matches(string text, string[] phrases)
    {
        var answer = text.Trim().TrimEnd('。', '.', '!', '！').Trim();
        return phrases.Any(phrase => string.Equals(answer, phrase, StringComparison.OrdinalIgnoreCase));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Customer of {ConversationId} left a message: ticket {TicketId}")]
    private partial void LogMessageLeft(string conversationId, string ticketId);
}
