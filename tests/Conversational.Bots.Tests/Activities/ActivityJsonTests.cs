using System.Text.Json;
using Conversational.Bots.Activities;
using Conversational.Bots.Conversations;

namespace Conversational.Bots.Tests.Activities;

/// <summary>Our activities read and write the Bot Framework Activity schema, so Bot Framework clients need no mapping.</summary>
public sealed class ActivityJsonTests
{
    private const string BotFrameworkActivity = """
        {
          "type": "message",
          "id": "0000007",
          "timestamp": "2026-11-23T05:15:01.123Z",
          "channelId": "webchat",
          "from": { "id": "dl_user1", "name": "王芳", "role": "user" },
          "recipient": { "id": "bot", "role": "bot" },
          "conversation": { "id": "conv-1" },
          "text": "这双鞋到手多少钱",
          "locale": "zh-CN",
          "channelData": { "clientActivityID": "1700000000000-abc" },
          "replyToId": "0000006",
          "suggestedActions": { "actions": [ { "type": "imBack", "title": "转人工", "value": "转人工" } ] },
          "attachments": [ { "contentType": "application/vnd.microsoft.card.hero", "content": { "title": "AJ1" } } ]
        }
        """;

    [Fact]
    public void BotFrameworkJson_ReadsIntoAnActivity()
    {
        var activity = JsonSerializer.Deserialize<Activity>(BotFrameworkActivity, ConversationJson.Options)!;

        Assert.Equal(ActivityTypes.Message, activity.Type);
        Assert.Equal(new DateTimeOffset(2026, 11, 23, 5, 15, 1, 123, TimeSpan.Zero), activity.Timestamp);
        Assert.Equal(new ChannelAccount("dl_user1", "王芳", RoleTypes.User), activity.From);
        Assert.Equal("conv-1", activity.Conversation!.Id);
        Assert.Equal("1700000000000-abc", activity.ChannelData!.Value.GetProperty("clientActivityID").GetString());
        Assert.Equal("0000006", activity.ReplyToId);
        Assert.Equal("imBack", Assert.Single(activity.SuggestedActions!.Actions).Type);
        Assert.Equal("application/vnd.microsoft.card.hero", Assert.Single(activity.Attachments!).ContentType);
    }

    [Fact]
    public void Activity_WritesBotFrameworkPropertyNames_AndOmitsWhatIsUnset()
    {
        var activity = new Activity
        {
            Type = ActivityTypes.Message,
            Id = "3",
            Timestamp = new DateTimeOffset(2026, 11, 23, 5, 15, 1, TimeSpan.Zero),
            From = new ChannelAccount("bot", Role: RoleTypes.Bot),
            Conversation = new ConversationAccount("conv-1"),
            Text = "您好",
            SuggestedActions = new SuggestedActions([CardAction.ImBack("转人工")]),
        };

        using var json = JsonDocument.Parse(JsonSerializer.Serialize(activity, ConversationJson.Options));

        var root = json.RootElement;
        Assert.Equal(["type", "id", "timestamp", "from", "conversation", "text", "suggestedActions"],
            root.EnumerateObject().Select(p => p.Name));
        Assert.Equal("2026-11-23T05:15:01+00:00", root.GetProperty("timestamp").GetString());
        Assert.Equal("bot", root.GetProperty("from").GetProperty("role").GetString());
        Assert.False(root.GetProperty("from").TryGetProperty("name", out _));
        Assert.Equal("您好", root.GetProperty("text").GetString());
        Assert.Equal("imBack", root.GetProperty("suggestedActions").GetProperty("actions")[0].GetProperty("type").GetString());
    }
}
