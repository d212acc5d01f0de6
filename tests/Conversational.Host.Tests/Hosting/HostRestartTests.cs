using Conversational.Bots.Policies;
using Conversational.Testing;

namespace Conversational.Host.Tests.Hosting;

/// <summary>The real host process, killed without warning mid-conversation and started again on the same files.</summary>
public sealed class HostRestartTests : IAsyncLifetime
{
    private readonly string _directory = Directory.CreateTempSubdirectory("conversational-restart.").FullName;

    private Dictionary<string, string> Environment => new()
    {
        ["Storage__SqlitePath"] = Path.Combine(_directory, "conversational.db"),
    };

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync()
    {
        Directory.Delete(_directory, recursive: true);
        return Task.CompletedTask;
    }

    [Fact]
    public async Task KilledHost_RestartsWithTheFullHistory_AndTheConversationContinues()
    {
        AppApi customer;
        string conversation;
        await using (var first = await HostProcess.StartAsync(Environment))
        {
            customer = await AppApi.CreateVisitorAsync(new HttpClient { BaseAddress = first.BaseAddress });
            conversation = (await customer.StartAsync()).ConversationId;
            await customer.SayAsync(conversation, "你好");
            await customer.SayAsync(conversation, "帮助");
            first.Kill();
        }

        await using var second = await HostProcess.StartAsync(Environment);
        var resumed = new AppApi(new HttpClient { BaseAddress = second.BaseAddress }, customer.Visitor);
        var history = await resumed.ActivitiesAsync(conversation);
        var next = await resumed.SayAsync(conversation, "谢谢");

        Assert.Equal(
            [BotMessages.Chinese.Welcome, "你好", BotMessages.Chinese.Greeting, "帮助", BotMessages.Chinese.Help],
            history.Activities.Select(a => a.Text));
        Assert.Equal(["谢谢", BotMessages.Chinese.Goodbye], next.Activities.Select(a => a.Text));
        Assert.Equal(history.Watermark + 1, long.Parse(next.Activities[0].Id!, System.Globalization.CultureInfo.InvariantCulture));
    }
}
