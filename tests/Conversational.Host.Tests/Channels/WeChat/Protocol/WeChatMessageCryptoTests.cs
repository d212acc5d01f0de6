using System.Text;
using Conversational.Host.Channels.WeChat.Protocol;
using static Conversational.Host.Tests.Channels.WeChat.Protocol.WeChatFixtures;

namespace Conversational.Host.Tests.Channels.WeChat.Protocol;

public sealed class WeChatMessageCryptoTests
{
    private static readonly byte[] FixedRandom = Encoding.ASCII.GetBytes("0123456789abcdef");
    private readonly WeChatMessageCrypto _crypto = new(EncodingAesKey, AppId);

    [Fact]
    public void Decrypt_PublishedSafeModeMessage_GivesTheTextMessage() =>
        Assert.Equal(Decrypted.ReplaceLineEndings("\n"), _crypto.Decrypt(Encrypt));

    [Fact]
    public void Decrypt_WeComUrlVerificationSample_GivesTheEcho() =>
        Assert.Equal(WeComEcho, new WeChatMessageCrypto(WeComKey, WeComReceiveId).Decrypt(WeComEchoStr));

    [Theory]
    [InlineData("")]
    [InlineData("hi")]
    [InlineData("您好，查询到手价 🎉")]
    [InlineData("12345678901")] // 16 + 4 + 11 + 18-byte AppID = 49: pads 15
    [InlineData("123456789012345678901234567890123456789012")] // 16 + 4 + 42 + 18 = 80: pads 16
    [InlineData("1234567890123456789012345678901234567890123456789012345678901234567890123456789012345678901234567890123456789012345678")] // = 156: pads 4
    public void Encrypt_ThenDecrypt_RoundTrips(string message) => Assert.Equal(message, _crypto.Decrypt(_crypto.Encrypt(message)));

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(13)]
    [InlineData(100)]
    public void Encrypt_CipherIsWholeBlocksOf32Bytes(int messageLength)
    {
        var cipher = Convert.FromBase64String(_crypto.Encrypt(new string('x', messageLength), FixedRandom));

        Assert.Equal(0, cipher.Length % 32);
        Assert.InRange(cipher.Length - (16 + 4 + messageLength + AppId.Length), 1, 32);
    }

    [Fact]
    public void Encrypt_ExactMultipleOf32_AddsAFullBlockOfPadding()
    {
        // 16 random + 4 length + 26 message + 18 AppID = 64 bytes: PKCS#7 to 32 adds a whole block of 32 bytes.
        var cipher = Convert.FromBase64String(_crypto.Encrypt(new string('x', 26), FixedRandom));

        Assert.Equal(96, cipher.Length);
    }

    [Fact]
    public void Encrypt_WithTheSameRandom_IsDeterministic_AndDiffersOtherwise()
    {
        Assert.Equal(_crypto.Encrypt("hi", FixedRandom), _crypto.Encrypt("hi", FixedRandom));
        Assert.NotEqual(_crypto.Encrypt("hi"), _crypto.Encrypt("hi"));
    }

    [Fact]
    public void Decrypt_MessageForAnotherAppId_IsRefused()
    {
        var other = new WeChatMessageCrypto(EncodingAesKey, "wx0000000000000000");

        var error = Assert.Throws<WeChatProtocolException>(() => other.Decrypt(Encrypt));
        Assert.Contains("AppID", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("not base64!")]
    [InlineData("AAAA")]
    [InlineData("")]
    public void Decrypt_Garbage_IsAProtocolError(string cipher) => Assert.Throws<WeChatProtocolException>(() => _crypto.Decrypt(cipher));

    [Fact]
    public void Decrypt_WithAnotherKey_IsAProtocolError()
    {
        var otherKey = new WeChatMessageCrypto(WeComKey, AppId);

        Assert.Throws<WeChatProtocolException>(() => otherKey.Decrypt(Encrypt));
    }

    [Theory]
    [InlineData("short")]
    [InlineData("P7PIjIGpA7axbjbffRoWYq7G0BsIaEpqdawIir4KqC!")]
    [InlineData(null)]
    public void IsValidKey_RejectsWhatIsNot43Base64Characters(string? key) => Assert.False(WeChatMessageCrypto.IsValidKey(key));
}
