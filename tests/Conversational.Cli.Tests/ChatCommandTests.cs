using Conversational.Bots.Policies;
using Microsoft.Data.Sqlite;

namespace Conversational.Cli.Tests;

public sealed class ChatCommandTests : IDisposable
{
    private const string ChineseMenu = "[1] 查询到手价  [2] 账单分期  [3] 退换货  [4] 转人工";

    private readonly CliRun _cli = new();

    public void Dispose() => _cli.Dispose();

    [Fact]
    public async Task Chat_PipedGreetingAndHelp_PrintsWelcomeThenRepliesWithNumberedQuickReplies()
    {
        var result = await _cli.RunAsync("你好\n帮助\n", "chat");

        Assert.Equal(0, result.ExitCode);
        var zh = BotMessages.Chinese;
        AssertInOrder(result.Stdout, zh.Welcome, ChineseMenu, zh.Greeting, ChineseMenu, zh.Help, ChineseMenu);
        // The chat is the whole of stdout: no echo of the customer's lines, no logging.
        Assert.DoesNotContain(result.Stdout.Split('\n'), line => line is "你好" or "帮助");
        Assert.Equal("", result.Stderr);
    }

    [Fact]
    public async Task Chat_DigitAfterHelp_SendsThatQuickReply()
    {
        var result = await _cli.RunAsync("帮助\n1\n2\n", "chat");

        Assert.Equal(0, result.ExitCode);
        // 1 is 查询到手价 under the help; 2 is then the second item the price dialog suggests. The demo catalog is seeded
        // with its windows moved to today, so the price is the demo day's whenever the test runs.
        AssertInOrder(result.Stdout, BotMessages.Chinese.Help, "请问您想查哪件商品的到手价", "[2] SH-1002 云感缓震跑鞋",
            "SH-1002 云感缓震跑鞋×1：到手价¥330.70");
    }

    [Fact]
    public async Task Chat_DigitWithoutQuickReplies_IsSentAsTyped()
    {
        // The goodbye offers no quick replies, so "2" is just text the bot does not understand (not 账单分期 from an earlier menu).
        var result = await _cli.RunAsync("帮助\n谢谢\n2\n", "chat");

        var zh = BotMessages.Chinese;
        AssertInOrder(result.Stdout, zh.Help, zh.Goodbye, zh.Clarify);
    }

    [Fact]
    public async Task Chat_EnglishLocale_AnswersHelloInEnglish()
    {
        var result = await _cli.RunAsync("hello\n", "chat", "--locale", "en");

        Assert.Equal(0, result.ExitCode);
        var en = BotMessages.English;
        AssertInOrder(result.Stdout, en.Welcome, "[1] Price after coupons  [2] Bill installments", en.Greeting);
        Assert.DoesNotContain(BotMessages.Chinese.Welcome, result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Chat_EmptyLines_AreIgnored()
    {
        var result = await _cli.RunAsync("\n   \n你好\n\n", "chat");

        Assert.Equal(0, result.ExitCode);
        Assert.Single(Occurrences(result.Stdout, BotMessages.Chinese.Greeting));
        Assert.DoesNotContain(BotMessages.Chinese.Clarify, result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Chat_Quit_EndsTheChatBeforeTheLinesAfterIt()
    {
        var result = await _cli.RunAsync("/quit\n你好\n", "chat");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains(BotMessages.Chinese.Welcome, result.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain(BotMessages.Chinese.Greeting, result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Chat_CustomerOption_StoresTheConversationForThatCustomerOnTheCliChannel()
    {
        var result = await _cli.RunAsync("你好\n", "chat", "--customer", "c1002");

        Assert.Equal(0, result.ExitCode);
        await using var connection = new SqliteConnection($"Data Source={_cli.DatabasePath};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT customer_id, channel, locale FROM conversations";
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync(), "The chat stored no conversation in the configured SQLite file.");
        Assert.Equal(("c1002", "cli", "zh-CN"), (reader.GetString(0), reader.GetString(1), reader.GetString(2)));
        Assert.False(await reader.ReadAsync());
    }

    [Fact]
    public async Task Chat_UnknownLocale_IsAUsageError()
    {
        var result = await _cli.RunAsync("", "chat", "--locale", "fr");

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("'fr'", result.Stderr, StringComparison.Ordinal);
    }

    private static void AssertInOrder(string text, params string[] parts)
    {
        var at = 0;
        foreach (var part in parts)
        {
            var found = text.IndexOf(part, at, StringComparison.Ordinal);
            Assert.True(found >= 0, $"Expected \"{part}\" after position {at} in:\n{text}");
            at = found + part.Length;
        }
    }

    private static List<int> Occurrences(string text, string part)
    {
        var found = new List<int>();
        for (var at = text.IndexOf(part, StringComparison.Ordinal); at >= 0; at = text.IndexOf(part, at + 1, StringComparison.Ordinal))
        {
            found.Add(at);
        }

        return found;
    }
}
