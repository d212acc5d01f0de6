using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using Conversational.Host.Channels.WeChat.Protocol;

namespace Conversational.Host.Tests.Channels.WeChat;

/// <summary>
/// Plays WeChat's servers against the host: pushes signed as WeChat signs them (and in safe mode encrypted, with
/// <c>msg_signature</c>), and reads the passive reply back (checking its signature and decrypting it).
/// </summary>
public sealed class WeChatServer(HttpClient http, string token, string? encodingAesKey, string appId)
{
    public const string Account = "gh_test0001";
    private long _msgId = RandomNumberGenerator.GetInt32(1, int.MaxValue) * 1000L;

    public static string NewOpenId() => "o" + Convert.ToHexString(RandomNumberGenerator.GetBytes(12)).ToLowerInvariant();

    public static long Now => DateTimeOffset.UtcNow.ToUnixTimeSeconds();

    public long NextMsgId() => Interlocked.Increment(ref _msgId);

    public static string Text(string openId, string content, long msgId, long? createTime = null) =>
        WeChatXml.Write(("ToUserName", Account), ("FromUserName", openId), ("CreateTime", createTime ?? Now), ("MsgType", "text"),
            ("Content", content), ("MsgId", msgId));

    public static string Event(string openId, string name, string? key = null, long? createTime = null) =>
        WeChatXml.Write(("ToUserName", Account), ("FromUserName", openId), ("CreateTime", createTime ?? Now), ("MsgType", "event"),
            ("Event", name), ("EventKey", key ?? ""));

    /// <summary>Posts <paramref name="xml"/> as WeChat would; in safe mode it is encrypted first.</summary>
    public async Task<HttpResponseMessage> PushAsync(string xml, long? timestamp = null, string? signature = null, bool encrypt = true)
    {
        var ts = (timestamp ?? Now).ToString(CultureInfo.InvariantCulture);
        var nonce = RandomNumberGenerator.GetInt32(int.MaxValue).ToString(CultureInfo.InvariantCulture);
        var query = $"signature={signature ?? WeChatSignature.Compute(token, ts, nonce)}&timestamp={ts}&nonce={nonce}&openid=x";
        var body = xml;
        if (encodingAesKey is not null && encrypt)
        {
            var cipher = new WeChatMessageCrypto(encodingAesKey, appId).Encrypt(xml);
            body = WeChatXml.Write(("ToUserName", Account), ("Encrypt", cipher));
            query += $"&encrypt_type=aes&msg_signature={WeChatSignature.Compute(token, ts, nonce, cipher)}";
        }

        using var content = new StringContent(body, Encoding.UTF8, "text/xml");
        return await http.PostAsync(new Uri("/wechat?" + query, UriKind.Relative), content);
    }

    /// <summary>The passive reply's fields (decrypted in safe mode), or null when the host answered <c>success</c>.</summary>
    public async Task<IReadOnlyDictionary<string, string>?> SendAsync(string xml, long? timestamp = null)
    {
        using var response = await PushAsync(xml, timestamp);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, body);
        return ReadReply(body);
    }

    /// <summary>The passive reply's text, or null for <c>success</c>.</summary>
    public async Task<string?> SayAsync(string openId, string text, long? msgId = null) =>
        (await SendAsync(Text(openId, text, msgId ?? NextMsgId())))?["Content"];

    public IReadOnlyDictionary<string, string>? ReadReply(string body)
    {
        if (body == WeChatReplies.Success)
        {
            return null;
        }

        var fields = WeChatXml.ReadFields(body);
        if (encodingAesKey is null)
        {
            return fields;
        }

        Assert.Equal(WeChatSignature.Compute(token, fields["TimeStamp"], fields["Nonce"], fields["Encrypt"]), fields["MsgSignature"]);
        return WeChatXml.ReadFields(new WeChatMessageCrypto(encodingAesKey, appId).Decrypt(fields["Encrypt"]));
    }
}
