using System.Net;
using System.Threading.Channels;
using Microsoft.Extensions.Options;

namespace Conversational.Host.Channels.WeChat.CustomerService;

/// <summary>One text to deliver to a customer through the customer-service message API.</summary>
public sealed record CustomerServiceMessage(string OpenId, string Text);

/// <summary>
/// Replies that could not go in the HTTP response (the bot was slow, or there was more than one message), delivered
/// through <c>/cgi-bin/message/custom/send</c> in the order queued. A transient failure (system busy, HTTP 5xx, a
/// network error) is retried with doubling delays; a rejected access token is replaced and the send repeated. The
/// queue lives in memory: what is still queued when the host stops is lost (logged).
/// </summary>
public sealed partial class CustomerServiceMessages(IHttpClientFactory clients, WeChatAccessTokens tokens, IOptions<WeChatOptions> options,
    TimeProvider time, ILogger<CustomerServiceMessages> logger) : BackgroundService
{
    private readonly Channel<CustomerServiceMessage> _queue = Channel.CreateUnbounded<CustomerServiceMessage>(
        new UnboundedChannelOptions { SingleReader = true });

    public void Enqueue(IEnumerable<CustomerServiceMessage> messages)
    {
        ArgumentNullException.ThrowIfNull(messages);
        foreach (var message in messages)
        {
            _queue.Writer.TryWrite(message);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var message in _queue.Reader.ReadAllAsync(stoppingToken))
            {
                await DeliverAsync(message, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            LogUndelivered(_queue.Reader.Count);
        }
    }

    /// <returns>Whether WeChat accepted the message.</returns>
    public async Task<bool> DeliverAsync(CustomerServiceMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var settings = options.Value;
        for (var attempt = 1; attempt <= settings.SendAttempts; attempt++)
        {
            string? token = null;
            int errorCode;
            try
            {
                token = await tokens.GetAsync(cancellationToken);
                using var response = await clients.CreateClient(WeChatAccessTokens.HttpClientName).PostAsJsonAsync(
                    new Uri($"cgi-bin/message/custom/send?access_token={Uri.EscapeDataString(token)}", UriKind.Relative),
                    new CustomTextMessage(message.OpenId, new CustomText(message.Text)), cancellationToken);
                response.EnsureSuccessStatusCode();
                var result = await response.Content.ReadFromJsonAsync<WeChatApiResult>(cancellationToken)
                    ?? new WeChatApiResult(WeChatErrorCodes.Busy, "empty answer");
                if (result.Succeeded)
                {
                    LogDelivered(attempt);
                    return true;
                }

                errorCode = result.ErrorCode;
            }
            catch (HttpRequestException exception) when (exception.StatusCode is null or >= HttpStatusCode.InternalServerError
                or HttpStatusCode.TooManyRequests)
            {
                errorCode = WeChatErrorCodes.Busy;
            }
            catch (WeChatApiException exception)
            {
                errorCode = exception.ErrorCode;
            }

            if (WeChatErrorCodes.InvalidAccessToken.Contains(errorCode) && token is not null)
            {
                // Another server of the account may have fetched a token, which ends ours: fetch again and resend at once.
                tokens.Invalidate(token);
                LogRetrying(errorCode, attempt);
                continue;
            }

            if (errorCode == WeChatErrorCodes.OutOfReplyWindow)
            {
                LogOutOfReplyWindow(errorCode);
                return false;
            }

            if (errorCode != WeChatErrorCodes.Busy)
            {
                LogRejected(errorCode);
                return false;
            }

            LogRetrying(errorCode, attempt);
            if (attempt < settings.SendAttempts)
            {
                await Task.Delay(settings.SendRetryDelay * Math.Pow(2, attempt - 1), time, cancellationToken);
            }
        }

        LogGaveUp(settings.SendAttempts);
        return false;
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Customer-service message delivered (attempt {Attempt})")]
    private partial void LogDelivered(int attempt);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Customer-service message failed with {ErrorCode} (attempt {Attempt}); retrying")]
    private partial void LogRetrying(int errorCode, int attempt);

    [LoggerMessage(Level = LogLevel.Error, Message = "WeChat refused a customer-service message with {ErrorCode}; it is dropped")]
    private partial void LogRejected(int errorCode);

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "WeChat refused a customer-service message with {ErrorCode}: the customer last wrote more than 48 hours ago; it is dropped")]
    private partial void LogOutOfReplyWindow(int errorCode);

    [LoggerMessage(Level = LogLevel.Error, Message = "A customer-service message still failed after {Attempts} attempts; it is dropped")]
    private partial void LogGaveUp(int attempts);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The host stopped with {Count} customer-service messages undelivered")]
    private partial void LogUndelivered(int count);
}
