using System.ComponentModel.DataAnnotations;
using Conversational.Host.Channels.WeChat.Protocol;

namespace Conversational.Host.Channels.WeChat;

/// <summary>Who serves a WeChat customer once the bot hands the conversation to a human.</summary>
public enum AgentDeskMode
{
    /// <summary>Our own agent desk, as for every other channel.</summary>
    Desk,

    /// <summary>WeChat's own customer-service desk (多客服): the bot answers <c>transfer_customer_service</c>.</summary>
    WeChat,
}

/// <summary>
/// The WeChat Official Account (公众号) channel, bound from the <c>WeChat</c> section. Off until enabled: a real account
/// needs its own token, AppID and secret, which a demo cannot ship.
/// </summary>
public sealed class WeChatOptions : IValidatableObject
{
    public const string SectionName = "WeChat";

    public bool Enabled { get; set; }

    /// <summary>Where WeChat pushes: the URL (服务器地址) set in the 公众号 console is this path on the host.</summary>
    [RegularExpression("^/[A-Za-z0-9/_-]*$")]
    public string Path { get; set; } = "/wechat";

    /// <summary>The Token (令牌) from the console: 3 to 32 letters and digits.</summary>
    [RegularExpression("^[A-Za-z0-9]{3,32}$")]
    public string? Token { get; set; }

    public string? AppId { get; set; }

    /// <summary>The AppSecret, for the access token of the customer-service message API.</summary>
    public string? AppSecret { get; set; }

    /// <summary>The EncodingAESKey (消息加解密密钥). When set, only safe-mode (encrypted) messages are accepted.</summary>
    public string? EncodingAesKey { get; set; }

    /// <summary>The key before the last rotation, still accepted for messages in flight.</summary>
    public string? PreviousEncodingAesKey { get; set; }

    /// <summary>
    /// Keys of the merchant's back end for binding followers to members (<c>POST /api/wechat/bindings</c> with
    /// <c>X-Api-Key</c>). Empty: nobody can bind, and every follower is a visitor.
    /// </summary>
    public string[] BindingApiKeys { get; set; } = [];

    /// <summary>The WeChat API, replaced by tests with a local fake.</summary>
    public Uri ApiBaseAddress { get; set; } = new("https://api.weixin.qq.com/");

    /// <summary>
    /// How long a push waits for the bot before answering <c>success</c> and sending the reply through the
    /// customer-service API instead; WeChat gives up after 5 seconds.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:00:04.500")]
    public TimeSpan PassiveReplyBudget { get; set; } = TimeSpan.FromSeconds(4);

    /// <summary>How far a request's timestamp may be from now; older requests are replays.</summary>
    [Range(typeof(TimeSpan), "00:00:10", "01:00:00")]
    public TimeSpan TimestampTolerance { get; set; } = TimeSpan.FromMinutes(5);

    [Range(1024, 1_048_576)]
    public int MaxRequestBodyBytes { get; set; } = 64 * 1024;

    /// <summary>UTF-8 bytes in one text message; longer replies are split.</summary>
    [Range(64, 2048)]
    public int MaxTextBytes { get; set; } = 2048;

    /// <summary>How long a message id is remembered in memory so WeChat's retries attach to the first delivery.</summary>
    [Range(typeof(TimeSpan), "00:00:10", "01:00:00")]
    public TimeSpan DedupeWindow { get; set; } = TimeSpan.FromMinutes(1);

    public AgentDeskMode AgentDeskMode { get; set; } = AgentDeskMode.Desk;

    /// <summary>Menu button keys (EventKey of a CLICK) and what the customer is taken to have said; unmapped keys are sent as they are.</summary>
    public Dictionary<string, string> MenuKeys { get; set; } = [];

    /// <summary>Attempts to send one customer-service message before giving up on it.</summary>
    [Range(1, 20)]
    public int SendAttempts { get; set; } = 6;

    /// <summary>The first retry's delay; each next one doubles.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:01:00")]
    public TimeSpan SendRetryDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How long before its expiry the access token is fetched again.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:30:00")]
    public TimeSpan AccessTokenRefreshMargin { get; set; } = TimeSpan.FromMinutes(5);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!Enabled)
        {
            yield break;
        }

        if (string.IsNullOrEmpty(Token))
        {
            yield return new ValidationResult($"{SectionName}:Token is required when {SectionName}:Enabled is true.", [nameof(Token)]);
        }

        if (string.IsNullOrEmpty(AppId) || string.IsNullOrEmpty(AppSecret))
        {
            yield return new ValidationResult(
                $"{SectionName}:AppId and {SectionName}:AppSecret are required when {SectionName}:Enabled is true (slow replies use the API).",
                [nameof(AppId), nameof(AppSecret)]);
        }

        foreach (var (name, key) in new[] { (nameof(EncodingAesKey), EncodingAesKey), (nameof(PreviousEncodingAesKey), PreviousEncodingAesKey) })
        {
            if (!string.IsNullOrEmpty(key) && !WeChatMessageCrypto.IsValidKey(key))
            {
                yield return new ValidationResult(
                    $"{SectionName}:{name} must be the {WeChatMessageCrypto.EncodingAesKeyLength} characters from the 公众号 console.", [name]);
            }
        }
    }
}
