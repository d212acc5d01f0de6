namespace Conversational.Host.Channels.WeChat.Protocol;

/// <summary>A request that does not follow WeChat's protocol: bad XML, a missing field, a ciphertext that does not decrypt.</summary>
public sealed class WeChatProtocolException : Exception
{
    public WeChatProtocolException()
    {
    }

    public WeChatProtocolException(string message) : base(message)
    {
    }

    public WeChatProtocolException(string message, Exception innerException) : base(message, innerException)
    {
    }
}
