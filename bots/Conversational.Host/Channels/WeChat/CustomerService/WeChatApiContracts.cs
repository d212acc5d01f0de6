using System.Text.Json.Serialization;

namespace Conversational.Host.Channels.WeChat.CustomerService;

/// <summary>What every WeChat API call answers: <c>errcode</c> 0 and <c>errmsg</c> "ok" when it worked.</summary>
public sealed record WeChatApiResult(
    [property: JsonPropertyName("errcode")] int ErrorCode,
    [property: JsonPropertyName("errmsg")] string? ErrorMessage)
{
    public bool Succeeded => ErrorCode == 0;
}

/// <summary><c>GET /cgi-bin/token</c>'s answer; on failure only the error fields are set.</summary>
public sealed record AccessTokenResponse(
    [property: JsonPropertyName("access_token")] string? AccessToken,
    [property: JsonPropertyName("expires_in")] int ExpiresIn,
    [property: JsonPropertyName("errcode")] int ErrorCode,
    [property: JsonPropertyName("errmsg")] string? ErrorMessage);

/// <summary>A text customer-service message (客服消息).</summary>
public sealed record CustomTextMessage(
    [property: JsonPropertyName("touser")] string ToUser,
    [property: JsonPropertyName("text")] CustomText Text)
{
    [JsonPropertyName("msgtype")]
    public string MsgType => "text";
}

public sealed record CustomText([property: JsonPropertyName("content")] string Content);

/// <summary>The WeChat error codes the sender treats differently from a plain failure.</summary>
public static class WeChatErrorCodes
{
    /// <summary>System busy: try again later.</summary>
    public const int Busy = -1;

    /// <summary>
    /// 45015, response out of time limit: a customer-service message may only be sent within 48 hours of the customer's
    /// last message (or menu click, or follow). Only the customer writing again reopens the window.
    /// </summary>
    public const int OutOfReplyWindow = 45015;

    /// <summary>The access token is invalid, malformed or expired: fetch a new one.</summary>
    public static readonly IReadOnlySet<int> InvalidAccessToken = new HashSet<int> { 40001, 40014, 42001 };
}

/// <summary>A WeChat API call answered with a non-zero <c>errcode</c>.</summary>
public sealed class WeChatApiException(int errorCode, string? errorMessage)
    : Exception($"WeChat API error {errorCode}: {errorMessage}")
{
    public int ErrorCode { get; } = errorCode;
}
