using System.Security.Cryptography;
using Conversational.Host.Channels.WeChat.Protocol;
using static Conversational.Host.Tests.Channels.WeChat.Protocol.WeChatFixtures;

namespace Conversational.Host.Tests.Channels.WeChat.Protocol;

/// <summary>Our signature and safe-mode crypto against npm <c>@wecom/crypto</c>, both ways.</summary>
public sealed class WeChatCryptoCrossCheckTests(WeComCryptoOracle oracle) : IClassFixture<WeComCryptoOracle>
{
    private static readonly string[] Messages =
    [
        "",
        "hi",
        Decrypted,
        "<xml><Content><![CDATA[查询到手价：SH-1001 满300减50 🎉]]></Content></xml>",
        new string('长', 700),
        "26 bytes makes 64 in all..",
    ];

    private readonly WeChatMessageCrypto _ours = new(EncodingAesKey, AppId);

    [Fact]
    public async Task TheirDecrypt_ReadsWhatWeEncrypt()
    {
        var ciphers = Messages.Select(m => _ours.Encrypt(m)).ToList();

        var results = await oracle.CallAsync([.. ciphers.Select(c => new { op = "decrypt", key = EncodingAesKey, encrypt = c })]);

        Assert.Equal(Messages, results.Select(r => (string)r!["message"]!));
        Assert.All(results, r => Assert.Equal(AppId, (string)r!["id"]!));
    }

    [Fact]
    public async Task OurDecrypt_ReadsWhatTheyEncrypt()
    {
        var results = await oracle.CallAsync([.. Messages.Select(m => new { op = "encrypt", key = EncodingAesKey, message = m, id = AppId })]);

        Assert.Equal(Messages, results.Select(r => _ours.Decrypt((string)r!)));
    }

    [Fact]
    public async Task Encrypt_WithTheSameRandomPrefix_GivesTheSameCiphertext()
    {
        var random = RandomNumberGenerator.GetBytes(16);

        var results = await oracle.CallAsync([.. Messages.Select(m => new
        {
            op = "encrypt", key = EncodingAesKey, message = m, id = AppId, random = Convert.ToBase64String(random),
        })]);

        Assert.Equal(Messages.Select(m => _ours.Encrypt(m, random)), results.Select(r => (string)r!));
    }

    [Fact]
    public async Task Signatures_Agree_OnTheFixtureAndOnRandomInputs()
    {
        var inputs = Enumerable.Range(0, 20)
            .Select(_ => (Token: Convert.ToHexString(RandomNumberGenerator.GetBytes(8)), Timestamp: Number(), Nonce: Number(), Encrypt: _ours.Encrypt("x")))
            .Prepend((Token, Timestamp, Nonce, Encrypt)).ToList();

        var results = await oracle.CallAsync([.. inputs.Select(i => new
        {
            op = "sign", token = i.Token, timestamp = i.Timestamp, nonce = i.Nonce, encrypt = i.Encrypt,
        })]);

        Assert.Equal(MsgSignature, (string)results[0]!);
        Assert.Equal(inputs.Select(i => WeChatSignature.Compute(i.Token, i.Timestamp, i.Nonce, i.Encrypt)), results.Select(r => (string)r!));
    }

    private static string Number() => RandomNumberGenerator.GetInt32(int.MaxValue).ToString(System.Globalization.CultureInfo.InvariantCulture);
}
