using Conversational.Skills.Installments;
using Microsoft.Extensions.Logging;

namespace Conversational.Skills.Tests.Installments;

public sealed class LoggingOneTimeCodeSenderTests
{
    [Fact]
    public async Task SendAsync_LogsTheCodeAtInformation_WithStructuredFields()
    {
        var logger = new CapturingLogger();
        var sender = new LoggingOneTimeCodeSender(logger);

        await sender.SendAsync("c1001", "4821", "042917", CancellationToken.None);

        var (level, message, fields) = Assert.Single(logger.Entries);
        Assert.Equal(LogLevel.Information, level);
        Assert.Equal("One-time code for c1001 card ****4821: 042917", message);
        Assert.Equal("One-time code for {CustomerId} card ****{Last4}: {Code}", fields["{OriginalFormat}"]);
        Assert.Equal(("c1001", "4821", "042917"), (fields["CustomerId"], fields["Last4"], fields["Code"]));
    }

    private sealed class CapturingLogger : ILogger<LoggingOneTimeCodeSender>
    {
        public List<(LogLevel Level, string Message, Dictionary<string, object?> Fields)> Entries { get; } = [];

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception,
            Func<TState, Exception?, string> formatter)
        {
            var fields = state as IEnumerable<KeyValuePair<string, object?>> ?? [];
            Entries.Add((logLevel, formatter(state, exception), fields.ToDictionary(f => f.Key, f => f.Value)));
        }
    }
}
