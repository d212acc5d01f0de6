namespace Conversational.Host.Channels.WeChat.Protocol;

/// <summary>The passive replies (被动回复) written in the HTTP response: To and From swapped from the message.</summary>
public static class WeChatReplies
{
    /// <summary>The body that tells WeChat "received, nothing to say now"; the reply follows through the API.</summary>
    public const string Success = "success";

    public static string Text(WeChatMessage message, long createTime, string content)
    {
        ArgumentNullException.ThrowIfNull(message);
        return WeChatXml.Write(("ToUserName", message.FromUserName), ("FromUserName", message.ToUserName), ("CreateTime", createTime),
            ("MsgType", WeChatMessageTypes.Text), ("Content", content));
    }

    /// <summary>Hands this message to the account's own human agents (多客服) in WeChat's desk.</summary>
    public static string TransferCustomerService(WeChatMessage message, long createTime)
    {
        ArgumentNullException.ThrowIfNull(message);
        return WeChatXml.Write(("ToUserName", message.FromUserName), ("FromUserName", message.ToUserName), ("CreateTime", createTime),
            ("MsgType", WeChatMessageTypes.TransferCustomerService));
    }

    /// <summary>A reply in safe mode: the plain reply encrypted, with its own msg_signature, timestamp and nonce.</summary>
    public static string Encrypted(string encrypt, string token, string timestamp, string nonce) =>
        WeChatXml.Write(("Encrypt", encrypt), ("MsgSignature", WeChatSignature.Compute(token, timestamp, nonce, encrypt)),
            ("TimeStamp", timestamp), ("Nonce", nonce));
}
