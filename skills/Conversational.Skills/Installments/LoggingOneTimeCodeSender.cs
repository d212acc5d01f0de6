using Microsoft.Extensions.Logging;

namespace Conversational.Skills.Installments;

/// <summary>
/// The demo's sender: writes the code to the log at Information so a tester can read it. It exposes the code to anyone who reads
/// the log, so it is for demos only; production registers a real SMS sender instead.
/// </summary>
public sealed partial class LoggingOneTimeCodeSender(ILogger<LoggingOneTimeCodeSender> logger) : IOneTimeCodeSender
{
    public Task SendAsync(string customerId, string last4, string code, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        LogCode(customerId, last4, code);
        return Task.CompletedTask;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "One-time code for {CustomerId} card ****{Last4}: {Code}")]
    private partial void LogCode(string customerId, string last4, string code);
}
