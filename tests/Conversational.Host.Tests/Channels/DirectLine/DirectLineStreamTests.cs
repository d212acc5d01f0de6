using System.Net.WebSockets;
using Conversational.Bots.Activities;
using Conversational.Bots.Policies;

namespace Conversational.Host.Tests.Channels.DirectLine;

/// <summary>The WebSocket stream a Direct Line client opens with <c>streamUrl</c>.</summary>
public sealed class DirectLineStreamTests() : DirectLineTest(new Dictionary<string, string?> { ["DirectLine:StreamKeepAlive"] = "00:00:01" })
{
    [Fact]
    public async Task Stream_SendsHistory_ThenTypingBeforeTheEcho_ThenTheReply_EachSetWithItsWatermark()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        using var socket = await DirectLineSocket.OpenAsync(Factory.Server, Started.StreamUrl!, timeout.Token);

        var history = await socket.ReceiveSetAsync(timeout.Token);
        var id = await Api.SayAsync(Conversation, Token, "你好", "c-1");
        var after = new List<Host.Channels.DirectLine.DirectLineActivity>();
        var watermarks = new List<string?>();
        while (!after.Any(a => a.From?.Role == RoleTypes.Bot && a.Type == ActivityTypes.Message))
        {
            var set = await socket.ReceiveSetAsync(timeout.Token);
            after.AddRange(set.Activities);
            watermarks.Add(set.Watermark);
        }

        Assert.Equal(BotMessages.Chinese.Welcome, Assert.Single(history.Activities).Text);
        Assert.NotNull(history.Watermark);
        Assert.Equal(["typing", "message", "message"], after.Select(a => a.Type));
        Assert.Null(after[0].Id);
        Assert.Equal(RoleTypes.Bot, after[0].From!.Role);
        Assert.Equal((id, "c-1"), (after[1].Id, after[1].ChannelData!.Value.GetProperty("clientActivityID").GetString()));
        Assert.Equal((BotMessages.Chinese.Greeting, id), (after[2].Text, after[2].ReplyToId));
        Assert.Equal((await Api.ActivitiesAsync(Conversation, Token)).Watermark, watermarks[^1]);
    }

    [Fact]
    public async Task Stream_SendsEmptyKeepAliveFrames_AndIgnoresWhateverTheClientSends()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        using var socket = await DirectLineSocket.OpenAsync(Factory.Server, Started.StreamUrl!, timeout.Token);
        await socket.ReceiveSetAsync(timeout.Token);

        await socket.SendTextAsync("", timeout.Token);
        await socket.SendTextAsync("""{"type":"message","text":"不该被当作消息"}""", timeout.Token);
        await socket.SendTextAsync("{garbage", timeout.Token);
        var keepAlive = await socket.ReceiveTextAsync(timeout.Token);
        await Api.SayAsync(Conversation, Token, "你好");
        var next = await socket.ReceiveSetAsync(timeout.Token);

        Assert.Equal("", keepAlive);
        Assert.Equal(WebSocketState.Open, socket.Socket.State);
        Assert.Contains(next.Activities, a => a.Type == "typing" || a.Text == "你好");
        Assert.DoesNotContain((await Api.ActivitiesAsync(Conversation, Token)).Activities, a => a.Text == "不该被当作消息");
    }

    [Fact]
    public async Task Reconnect_AfterADroppedSocket_DeliversWhatWasMissed_OnceAndInOrder()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        string? watermark;
        using (var first = await DirectLineSocket.OpenAsync(Factory.Server, Started.StreamUrl!, timeout.Token))
        {
            watermark = (await first.ReceiveSetAsync(timeout.Token)).Watermark;
            first.Socket.Abort();
        }

        await Api.SayAsync(Conversation, Token, "你好");
        await Api.SayAsync(Conversation, Token, "谢谢");
        using var response = await Api.SendAsync(HttpMethod.Get, $"conversations/{Conversation}?watermark={watermark}", Token);
        var reconnected = await DirectLineApi.ReadAsync<Host.Channels.DirectLine.DirectLineConversation>(response);
        using var second = await DirectLineSocket.OpenAsync(Factory.Server, reconnected.StreamUrl!, timeout.Token);
        var missed = await second.ReceiveSetAsync(timeout.Token);

        var expected = (await Api.ActivitiesAsync(Conversation, Token, watermark)).Activities.Select(a => a.Id);
        Assert.Equal(expected, missed.Activities.Select(a => a.Id));
        Assert.Equal(4, missed.Activities.Count);
    }

    [Fact]
    public async Task Stream_WithATokenForAnotherConversation_IsRefusedBeforeTheSocketOpens()
    {
        var other = await Api.GenerateTokenAsync("someone-else");
        var url = Started.StreamUrl!.Replace($"/conversations/{Conversation}/", $"/conversations/{other.ConversationId}/", StringComparison.Ordinal);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));

        var error = await Assert.ThrowsAnyAsync<Exception>(() => DirectLineSocket.OpenAsync(Factory.Server, url, timeout.Token));

        Assert.Contains("403", error.Message, StringComparison.Ordinal);
    }
}
