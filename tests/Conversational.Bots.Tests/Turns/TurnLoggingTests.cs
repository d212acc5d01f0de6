using Conversational.Testing;
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
        await using var host = await StartLoggingEverythingAsync(logs);
        var conversation = (await host.Runtime.StartAsync("c1", "test", "zh-CN", default)).ConversationId;
        const string Words = "这双鞋到手价多少";

        await host.Runtime.ProcessAsync(conversation, Messages.From("c1", conversation, Words), null, default);

        var mentions = logs.Lines.Where(line => line.Message.Contains(Words, StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(mentions);
        Assert.All(mentions, line => Assert.Equal(LogLevel.Trace, line.Level));
        Assert.Contains(logs.Lines, line => line.Level == LogLevel.Debug && line.Message.Contains(conversation, StringComparison.Ordinal));
    }

    [Fact]
    public async Task CardAndPhoneNumbers_NeverReachTheLogs_EvenAtTrace()
    {
        var logs = new CapturingLoggerProvider();
        await using var host = await StartLoggingEverythingAsync(logs);
        var conversation = (await host.Runtime.StartAsync("c1", "test", "zh-CN", default)).ConversationId;

        await host.Runtime.ProcessAsync(conversation, Messages.From("c1", conversation, "卡号6222020202020202，手机13812345678"), null, default);

        Assert.Contains(logs.Lines, line => line.Level == LogLevel.Trace && line.Message.Contains("5678", StringComparison.Ordinal));
        Assert.DoesNotContain(logs.Lines, line => line.Message.Contains("6222020202020202", StringComparison.Ordinal));
        Assert.DoesNotContain(logs.Lines, line => line.Message.Contains("13812345678", StringComparison.Ordinal));
    }

    private static Task<BotHost> StartLoggingEverythingAsync(CapturingLoggerProvider logs) =>
        BotHost.StartAsync(StoreKind.Sqlite, configureServices: services =>
            services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Trace).AddProvider(logs)));
}
