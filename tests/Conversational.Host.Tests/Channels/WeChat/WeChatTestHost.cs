using Conversational.Bots.Conversations;
using Conversational.Bots.Customers;
using Microsoft.Extensions.DependencyInjection;

namespace Conversational.Host.Tests.Channels.WeChat;

/// <summary>The host with the WeChat channel on, its API pointed at a <see cref="FakeWeChatApi"/>; one per test class.</summary>
public class WeChatTestHost : IAsyncLifetime
{
    public const string Token = "conversationalTest1";
    public const string AppId = "wx1234567890abcdef";
    public const string AppSecret = "test-app-secret";
    public const string EncodingAesKey = "P7PIjIGpA7axbjbffRoWYq7G0BsIaEpqdawIir4KqCt";
    public const string BindingApiKey = "merchant-backend-binding-key";

    private ConversationalFactory? _factory;

    public FakeWeChatApi Api { get; private set; } = null!;

    public ConversationalFactory Factory => _factory ?? throw new InvalidOperationException("Not started.");

    /// <summary>Safe mode (encrypted) unless a derived host says otherwise.</summary>
    protected virtual bool SafeMode => true;

    protected virtual IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>();

    public WeChatServer WeChat => new(Factory.CreateClient(), Token, SafeMode ? EncodingAesKey : null, AppId);

    public async Task InitializeAsync()
    {
        Api = await FakeWeChatApi.StartAsync();
        var settings = ChannelSettings(Api, SafeMode);
        foreach (var (key, value) in Settings)
        {
            settings[key] = value;
        }

        _factory = new ConversationalFactory(settings);
        _ = _factory.Server;
    }

    /// <summary>The WeChat channel on, with this test account, its API at <paramref name="api"/>.</summary>
    public static Dictionary<string, string?> ChannelSettings(FakeWeChatApi api, bool safeMode)
    {
        ArgumentNullException.ThrowIfNull(api);
        return new Dictionary<string, string?>
        {
            ["WeChat:Enabled"] = "true",
            ["WeChat:Token"] = Token,
            ["WeChat:AppId"] = AppId,
            ["WeChat:AppSecret"] = AppSecret,
            ["WeChat:EncodingAesKey"] = safeMode ? EncodingAesKey : null,
            ["WeChat:ApiBaseAddress"] = api.BaseAddress.ToString(),
            ["WeChat:SendRetryDelay"] = "00:00:00.010",
            ["WeChat:BindingApiKeys:0"] = BindingApiKey,
        };
    }

    public async Task DisposeAsync()
    {
        await Factory.DisposeAsync();
        await Api.DisposeAsync();
    }

    /// <summary>Every event of the follower's conversations; empty when the follower never reached the bot.</summary>
    public async Task<IReadOnlyList<StoredEvent>> EventsOfAsync(string openId)
    {
        var store = Factory.Services.GetRequiredService<IConversationStore>();
        var conversations = await store.ListByCustomerAsync("wechat:" + openId, 10, CancellationToken.None);
        var events = new List<StoredEvent>();
        foreach (var conversation in conversations)
        {
            events.AddRange(await store.ReadAsync(conversation.Id, 0, CancellationToken.None));
        }

        return events;
    }

    public async Task<bool> KnowsCustomerAsync(string openId) =>
        await Factory.Services.GetRequiredService<ICustomerDirectory>().FindAsync("wechat:" + openId, CancellationToken.None) is not null;
}

/// <summary>Plain mode (明文模式).</summary>
public sealed class PlainWeChatTestHost : WeChatTestHost
{
    protected override bool SafeMode => false;
}

/// <summary>Every reply goes the slow way: the budget is zero, so each push answers <c>success</c> at once.</summary>
public sealed class SlowWeChatTestHost : WeChatTestHost
{
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["WeChat:PassiveReplyBudget"] = "00:00:00",
    };
}

/// <summary>Humans are WeChat's own desk (多客服).</summary>
public sealed class WeChatDeskTestHost : WeChatTestHost
{
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["WeChat:AgentDeskMode"] = "WeChat",
    };
}

/// <summary>Texts of at most 64 bytes, so every reply is split.</summary>
public sealed class ShortTextWeChatTestHost : WeChatTestHost
{
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["WeChat:MaxTextBytes"] = "64",
    };
}
