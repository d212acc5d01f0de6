using Conversational.Bots.Activities;
using Conversational.Bots.Conversations;
using Conversational.Host.Channels.DirectLine;

namespace Conversational.Host.Tests.Channels.DirectLine;

public sealed class DirectLineActivityMapperTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 23, 19, 30, 0, TimeSpan.FromHours(8));

    [Fact]
    public void BotReply_KeepsItsCardsAndQuickReplies_AndNamesTheEchoItAnswers()
    {
        var hero = new Attachment("application/vnd.microsoft.card.hero", new { title = "SH-1001 跑鞋", buttons = new[] { CardAction.ImBack("买这双") } });
        var reply = new Activity
        {
            Type = ActivityTypes.Message,
            From = new ChannelAccount("bot", "小C", RoleTypes.Bot),
            Recipient = new ChannelAccount("u-1", Role: RoleTypes.User),
            Text = "第一行\n第二行",
            ReplyToId = "41",
            Attachments = [hero],
            SuggestedActions = new SuggestedActions([CardAction.ImBack("取消")]),
        };

        var mapped = DirectLineActivityMapper.ToDirectLine(new StoredEvent("c9", 42, At, new BotReplied(reply)))!;

        Assert.Equal(("c9|0000042", "c9|0000041"), (mapped.Id, mapped.ReplyToId));
        Assert.Equal("2026-11-23T11:30:00.0000000Z", mapped.Timestamp);
        Assert.Equal(("directline", "plain"), (mapped.ChannelId, mapped.TextFormat));
        Assert.Equal("u-1", mapped.Recipient!.Id);
        Assert.Same(hero, Assert.Single(mapped.Attachments!));
        Assert.Equal(("imBack", "取消", "取消"), (mapped.SuggestedActions!.Actions[0].Type, mapped.SuggestedActions.Actions[0].Title,
            mapped.SuggestedActions.Actions[0].Value));
    }

    [Fact]
    public void EventsTheCustomerDoesNotSee_AreNotSent()
    {
        Assert.Null(DirectLineActivityMapper.ToDirectLine(new StoredEvent("c9", 3, At, new IntentRecognized("price", 0.9))));
    }

    [Theory]
    [InlineData(null, true, 0)]
    [InlineData("", true, 0)]
    [InlineData("17", true, 17)]
    [InlineData("-1", false, 0)]
    [InlineData("c9|0000017", false, 0)]
    [InlineData("1e3", false, 0)]
    public void Watermark_IsTheLogSequence_AbsentMeansFromTheStart(string? watermark, bool valid, long seq)
    {
        Assert.Equal(valid, DirectLineActivityMapper.TryParseWatermark(watermark, out var parsed));
        Assert.Equal(seq, valid ? parsed : 0);
    }

    [Theory]
    [InlineData("zh-CN", "zh-CN")]
    [InlineData("zh-TW", "zh-CN")]
    [InlineData("en-US", "en")]
    [InlineData("fr-FR", null)]
    [InlineData(null, null)]
    public void ClientLocale_BecomesOneTheBotSpeaks(string? client, string? ours)
    {
        Assert.Equal(ours, DirectLineActivityMapper.Locale(client));
    }

    [Fact]
    public void PostedMessage_IsFromTheTokensUser_WithChannelDataKeptVerbatim()
    {
        var channelData = System.Text.Json.JsonDocument.Parse("""{"clientActivityID":"a1","extra":[1,2]}""").RootElement;
        var incoming = new DirectLineIncomingActivity("message", "  你好  ", new DirectLineAccount("admin", "张三"), "en-US", channelData, null);
        var conversation = new ConversationRecord("c9", "u-1", "directline", "zh-CN", At, 2);

        var activity = DirectLineActivityMapper.ToActivity(incoming, conversation, "u-1");

        Assert.Equal(("u-1", "张三", RoleTypes.User), (activity.From!.Id, activity.From.Name, activity.From.Role));
        Assert.Equal(("你好", "en"), (activity.Text, activity.Locale));
        Assert.Equal(channelData.GetRawText(), activity.ChannelData!.Value.GetRawText());
    }
}
