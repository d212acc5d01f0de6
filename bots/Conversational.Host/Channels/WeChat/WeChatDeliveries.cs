using Conversational.Host.Channels.WeChat.CustomerService;
using Conversational.Host.Channels.WeChat.Protocol;
using Microsoft.Extensions.Options;

namespace Conversational.Host.Channels.WeChat;

/// <summary>
/// The 5-second rule. A push's turn starts once, however many times WeChat delivers it (it retries a push it got no
/// answer to, three times in all): each delivery waits for the turn up to the budget; if the turn is done, the first
/// text is the passive reply (the rest go through the customer-service API), otherwise the delivery answers
/// <c>success</c> and the whole reply goes through the API when the turn ends. A retry after that gets <c>success</c>
/// too, so the customer never receives a reply twice. Across hosts the conversation log's message-id check keeps the
/// turn single; this memory only keeps retries on this host from waiting for the turn lock.
/// </summary>
public sealed partial class WeChatDeliveries(WeChatTurns turns, CustomerServiceMessages customerService, IOptions<WeChatOptions> options,
    TimeProvider time, IHostApplicationLifetime lifetime, ILogger<WeChatDeliveries> logger)
{
    private readonly Dictionary<string, Delivery> _deliveries = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    /// <summary>The passive reply for this delivery of the push, or null for <c>success</c>.</summary>
    public async Task<WeChatOutcome?> ReplyAsync(WeChatMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var delivery = Attach(message);
        try
        {
            await delivery.Done.Task.WaitAsync(options.Value.PassiveReplyBudget, time, cancellationToken);
        }
        catch (TimeoutException)
        {
            // Too slow for this delivery; decided below.
        }

        WeChatOutcome? passive;
        IReadOnlyList<string> overflow = [];
        lock (delivery)
        {
            if (delivery.Outcome is { } outcome && delivery.Mode != DeliveryMode.Pushed)
            {
                // On a transfer WeChat's desk takes the message and greets the customer itself; the bot's texts are not sent.
                if (delivery.Mode == DeliveryMode.Undecided && !outcome.TransferToWeChatDesk)
                {
                    overflow = [.. outcome.Texts.Skip(1)];
                }

                delivery.Mode = DeliveryMode.Passive;
                passive = outcome;
            }
            else
            {
                delivery.Mode = DeliveryMode.Pushed;
                passive = null;
            }
        }

        Send(message.FromUserName, overflow);
        return passive;
    }

    private Delivery Attach(WeChatMessage message)
    {
        var now = time.GetUtcNow();
        lock (_gate)
        {
            foreach (var key in _deliveries.Where(d => d.Value.FinishedAt < now - options.Value.DedupeWindow).Select(d => d.Key).ToList())
            {
                _deliveries.Remove(key);
            }

            if (_deliveries.TryGetValue(message.DedupeKey, out var delivery))
            {
                LogRetry(message.DedupeKey);
                return delivery;
            }

            delivery = new Delivery();
            _deliveries.Add(message.DedupeKey, delivery);
            // Not awaited by the delivery, which answers within the budget; the turn catches and logs its own failure.
            _ = RunAsync(message, delivery);
            return delivery;
        }
    }

    /// <summary>The turn, to its end even when every delivery has been answered: then its reply goes through the API.</summary>
    private async Task RunAsync(WeChatMessage message, Delivery delivery)
    {
        await Task.Yield();
        var outcome = WeChatOutcome.Nothing;
        try
        {
            outcome = await turns.RunAsync(message, lifetime.ApplicationStopping);
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !lifetime.ApplicationStopping.IsCancellationRequested)
        {
            LogTurnFailed(exception, message.DedupeKey);
        }

        bool push;
        lock (delivery)
        {
            delivery.Outcome = outcome;
            delivery.FinishedAt = time.GetUtcNow();
            push = delivery.Mode == DeliveryMode.Pushed;
        }

        delivery.Done.TrySetResult();
        if (push)
        {
            if (outcome.TransferToWeChatDesk)
            {
                // transfer_customer_service exists only as a passive reply; the customer's next message can still be transferred.
                LogTransferTooLate(message.DedupeKey);
            }

            Send(message.FromUserName, outcome.Texts);
        }
    }

    private void Send(string openId, IReadOnlyList<string> texts) =>
        customerService.Enqueue(texts.Select(text => new CustomerServiceMessage(openId, text)));

    private enum DeliveryMode
    {
        Undecided,
        Passive,
        Pushed,
    }

    private sealed class Delivery
    {
        public TaskCompletionSource Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public WeChatOutcome? Outcome { get; set; }

        public DeliveryMode Mode { get; set; }

        public DateTimeOffset FinishedAt { get; set; } = DateTimeOffset.MaxValue;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "WeChat delivered {DedupeKey} again; attached to the first delivery")]
    private partial void LogRetry(string dedupeKey);

    [LoggerMessage(Level = LogLevel.Error, Message = "The turn for WeChat push {DedupeKey} failed")]
    private partial void LogTurnFailed(Exception exception, string dedupeKey);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The turn for {DedupeKey} asked for WeChat's desk too late for a passive transfer")]
    private partial void LogTransferTooLate(string dedupeKey);
}
