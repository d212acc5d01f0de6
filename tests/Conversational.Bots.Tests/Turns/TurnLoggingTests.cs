using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Conversational.Bots.Tests.Turns;

/// <summary>Customer words are personal data: they may reach the logs only at Trace, which production keeps off.</summary>
public sealed class TurnLoggingTests
{
    [Fact]
    public async Task CustomerText_IsLoggedOnlyAtTrace()
    {
        var logs = new CapturingLoggerProvider();
        await using var host = await BotHost.StartAsync(StoreKind.Sqlite, configureServices: services =>
            services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Trace).AddProvider(logs)));
        var conversation = (await host.Runtime.StartAsync("c1", "test", "zh-CN", default)).ConversationId;
        const string Secret = "我的卡号是6222020202020202";

        await host.Runtime.ProcessAsync(conversation, Messages.From("c1", conversation, Secret), null, default);

        var mentions = logs.Lines.Where(line => line.Message.Contains(Secret, StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(mentions);
        Assert.All(mentions, line => Assert.Equal(LogLevel.Trace, line.Level));
        Assert.Contains(logs.Lines, line => line.Level == LogLevel.Debug && line.Message.Contains(conversation, StringComparison.Ordinal));
    }
}
