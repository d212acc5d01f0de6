using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace Conversational.Host.Channels.WeChat.Protocol;

/// <summary>
/// Safe mode's message encryption (消息加解密): AES-256-CBC keyed with the EncodingAESKey, the IV being the key's first
/// 16 bytes, over <c>random(16) ‖ uint32be(length) ‖ message ‖ AppID</c> padded PKCS#7-style to 32-byte blocks.
/// </summary>
public sealed class WeChatMessageCrypto
{
    public const int EncodingAesKeyLength = 43;
    private const int RandomLength = 16;
    private const int HeaderLength = RandomLength + sizeof(uint);

    // WeChat pads to 32 bytes, which .NET's PKCS7 (16-byte blocks) rejects, so padding is done here.
    private const int PadBlock = 32;

    private readonly byte[] _key;
    private readonly byte[] _appId;

    /// <param name="encodingAesKey">The 43 characters from the 公众号 console (Base64 without its trailing '=').</param>
    /// <param name="appId">The account's AppID, which ends every plaintext.</param>
    public WeChatMessageCrypto(string encodingAesKey, string appId)
    {
        ArgumentException.ThrowIfNullOrEmpty(appId);
        if (!IsValidKey(encodingAesKey))
        {
            throw new ArgumentException($"An EncodingAESKey is {EncodingAesKeyLength} Base64 characters.", nameof(encodingAesKey));
        }

        _key = Convert.FromBase64String(encodingAesKey + "=");
        _appId = Encoding.UTF8.GetBytes(appId);
    }

    public static bool IsValidKey(string? encodingAesKey)
    {
        Span<byte> key = stackalloc byte[33];
        return encodingAesKey is { Length: EncodingAesKeyLength }
            && Convert.TryFromBase64String(encodingAesKey + "=", key, out var written) && written == 32;
    }

    public string Encrypt(string message) => Encrypt(message, RandomNumberGenerator.GetBytes(RandomLength));

    /// <param name="random">The 16 random bytes the plaintext starts with; fixed only by tests.</param>
    public string Encrypt(string message, ReadOnlySpan<byte> random)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (random.Length != RandomLength)
        {
            throw new ArgumentException($"The random prefix is {RandomLength} bytes.", nameof(random));
        }

        var body = Encoding.UTF8.GetBytes(message);
        var length = HeaderLength + body.Length + _appId.Length;
        var pad = PadBlock - length % PadBlock;
        var plain = new byte[length + pad];
        random.CopyTo(plain);
        BinaryPrimitives.WriteUInt32BigEndian(plain.AsSpan(RandomLength), (uint)body.Length);
        body.CopyTo(plain, HeaderLength);
        _appId.CopyTo(plain, HeaderLength + body.Length);
        plain.AsSpan(length).Fill((byte)pad);

        using var aes = Aes.Create();
        aes.Key = _key;
        return Convert.ToBase64String(aes.EncryptCbc(plain, _key.AsSpan(0, 16), PaddingMode.None));
    }

    /// <exception cref="WeChatProtocolException">Not Base64, not a whole number of blocks, bad padding or length, or another AppID.</exception>
    public string Decrypt(string encrypted)
    {
        ArgumentNullException.ThrowIfNull(encrypted);
        byte[] cipher;
        try
        {
            cipher = Convert.FromBase64String(encrypted);
        }
        catch (FormatException exception)
        {
            throw new WeChatProtocolException("The ciphertext is not Base64.", exception);
        }

        if (cipher.Length == 0 || cipher.Length % 16 != 0)
        {
            throw new WeChatProtocolException("The ciphertext is not a whole number of AES blocks.");
        }

        using var aes = Aes.Create();
        aes.Key = _key;
        var plain = aes.DecryptCbc(cipher, _key.AsSpan(0, 16), PaddingMode.None);
        int pad = plain[^1];
        if (pad is < 1 or > PadBlock || pad > plain.Length - HeaderLength)
        {
            throw new WeChatProtocolException("The plaintext's padding is wrong: another key?");
        }

        var content = plain.AsSpan(0, plain.Length - pad);
        var length = BinaryPrimitives.ReadUInt32BigEndian(content[RandomLength..]);
        if (length > (uint)(content.Length - HeaderLength))
        {
            throw new WeChatProtocolException("The plaintext's length field is wrong: another key?");
        }

        var message = content.Slice(HeaderLength, (int)length);
        if (!content[(HeaderLength + (int)length)..].SequenceEqual(_appId))
        {
            throw new WeChatProtocolException("The message was encrypted for another AppID.");
        }

        try
        {
            return new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(message);
        }
        catch (DecoderFallbackException exception)
        {
            throw new WeChatProtocolException("The message is not UTF-8.", exception);
        }
    }
}
