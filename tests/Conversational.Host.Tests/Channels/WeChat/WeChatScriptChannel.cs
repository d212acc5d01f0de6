extern alias cli;

using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using cli::Conversational.Cli.ConversationTests;
using Conversational.Bots.Activities;
using Conversational.Bots.Conversations;
using Conversational.Host.Channels.WeChat;
using Conversational.Host.Channels.WeChat.Binding;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Conversational.Host.Tests.Channels.WeChat;

/// <summary>
/// A conversation test file's customer, following the 公众号: the merchant's back end binds a fresh OpenID to the
/// script's customer, then WeChat pushes a follow and each message (signed, and encrypted in safe mode, at the script's
/// time), and the customer gets the passive reply plus whatever came through the fake customer-service API.
/// </summary>
internal sealed partial class WeChatScriptChannel(WeChatServer wechat, FakeWeChatApi api, HttpClient http, IServiceProvider services,
    TimeProvider clock) : IScriptChannel
{
    private readonly string _openId = WeChatServer.NewOpenId();
    private readonly IConversationStore _store = services.GetRequiredService<IConversationStore>();
    private long _version;
    private int _received;

    public async Task<ScriptTurn> StartAsync(ConversationScript script, CancellationToken cancellationToken)
    {
        using var bind = new HttpRequestMessage(HttpMethod.Post, new Uri("/api/wechat/bindings", UriKind.Relative))
        {
            Content = JsonContent.Create(new WeChatBindingRequest(_openId, script.Customer), options: ConversationJson.Options),
        };
        bind.Headers.Add("X-Api-Key", WeChatTestHost.BindingApiKey);
        using var bound = await http.SendAsync(bind, cancellationToken);
        Assert.Equal(HttpStatusCode.Created, bound.StatusCode);

        var passive = await wechat.SendAsync(WeChatServer.Event(_openId, "subscribe", createTime: Now), Now);
        var conversations = await _store.ListByCustomerAsync(script.Customer, 1, cancellationToken);
        return await ReceiveAsync(Assert.Single(conversations).Id, passive?["Content"], cancellationToken);
    }

    public async Task<ScriptTurn> SendAsync(ConversationScript script, string conversationId, string text, CancellationToken cancellationToken)
    {
        var passive = await wechat.SendAsync(WeChatServer.Text(_openId, text, wechat.NextMsgId(), Now), Now);
        return await ReceiveAsync(conversationId, passive?["Content"], cancellationToken);
    }

    private const int TurnTimeoutMilliseconds = 30_000;

    private long Now => clock.GetUtcNow().ToUnixTimeSeconds();

    /// <summary>
    /// The turn's texts as the customer gets them. How many to wait for on the customer-service API is read off the
    /// log (the turn's replies, rendered as the channel renders them); what is checked is only what came over the wire.
    /// </summary>
    private async Task<ScriptTurn> ReceiveAsync(string conversationId, string? passive, CancellationToken cancellationToken)
    {
        var events = await _store.ReadAsync(conversationId, _version, cancellationToken);
        // `success` instead of a passive reply: the turn outran WeChat's budget (a loaded machine) and is still running.
        // A turn is appended to the log in one write, so its first event means the whole turn is there.
        for (var waited = 0; passive is null && events.Count == 0 && waited < TurnTimeoutMilliseconds; waited += 20)
        {
            await Task.Delay(20, cancellationToken);
            events = await _store.ReadAsync(conversationId, _version, cancellationToken);
        }

        _version = events.Count > 0 ? events[^1].Seq : _version;
        // The turn's own replies only: what the bot says after a script agent's hand-back or close lands in the log outside
        // any turn, and script agents act on the runtime, not through the desk's AgentWorkspace, so nothing of it is pushed.
        var replies = events.Select(e => e.Event).Reverse().TakeWhile(e => e is not UserMessaged).Reverse().OfType<BotReplied>()
            .Select(r => r.Activity);
        var expected = WeChatTextRenderer.Render(replies, services.GetRequiredService<IOptions<WeChatOptions>>().Value.MaxTextBytes).Count;
        var pushed = expected - (passive is null ? 0 : 1);
        var sent = await api.WaitForTextsAsync(_openId, _received + pushed);
        var texts = (passive is null ? sent.Skip(_received) : sent.Skip(_received).Prepend(passive)).ToList();
        _received += pushed;
        return new ScriptTurn(conversationId, [.. texts.Select(ToActivity)]);
    }

    /// <summary>
    /// WeChat has no buttons: quick replies arrive as numbered lines under "回复数字选择：". They are read back into
    /// suggested actions so the file's <c>quick_replies:</c> are checked against what this customer is offered.
    /// </summary>
    private static Activity ToActivity(string text)
    {
        var lines = text.Split('\n');
        var choose = Array.FindIndex(lines, l => l is WeChatTextRenderer.ChooseInChinese or WeChatTextRenderer.ChooseInEnglish);
        var options = choose < 0 ? [] : lines[(choose + 1)..].Select(l => NumberedOption().Match(l)).Where(m => m.Success).ToList();
        return new Activity
        {
            Type = ActivityTypes.Message,
            From = new ChannelAccount(WeChatServer.Account, Role: RoleTypes.Bot),
            Text = choose < 0 ? text : string.Join("\n", lines[..choose]),
            SuggestedActions = options.Count == 0
                ? null
                : new SuggestedActions([.. options.Select(m => CardAction.ImBack(m.Groups["title"].Value))]),
        };
    }

    [GeneratedRegex(@"^\d+\. (?<title>.+)$", RegexOptions.CultureInvariant)]
    private static partial Regex NumberedOption();
}
