using System.Collections.Concurrent;
using Conversational.Skills.Installments;

namespace Conversational.Cli.ConversationTests;

/// <summary>Stands in for the SMS gateway in conversation tests: keeps each customer's last code for <c>{otp}</c>.</summary>
internal sealed class CapturedOneTimeCodes : IOneTimeCodeSender
{
    private readonly ConcurrentDictionary<string, string> _last = new(StringComparer.Ordinal);

    public Task SendAsync(string customerId, string last4, string code, CancellationToken cancellationToken)
    {
        _last[customerId] = code;
        return Task.CompletedTask;
    }

    public string? LastFor(string customerId) => _last.GetValueOrDefault(customerId);
}
