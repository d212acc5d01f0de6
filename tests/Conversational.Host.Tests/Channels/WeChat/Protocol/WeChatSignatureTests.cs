using Conversational.Host.Channels.WeChat.Protocol;
using static Conversational.Host.Tests.Channels.WeChat.Protocol.WeChatFixtures;

namespace Conversational.Host.Tests.Channels.WeChat.Protocol;

public sealed class WeChatSignatureTests
{
    [Theory]
    [InlineData("1714036504", "1514711492", "f464b24fc39322e44b38aa78f5edd27bd1441696")]
    [InlineData("1714037059", "486452656", "899cf89e464efb63f54ddac96b0a0a235f53aa78")]
    public void Compute_OfficialUrlVerificationVectors_Match(string timestamp, string nonce, string expected) =>
        Assert.Equal(expected, WeChatSignature.Compute(OfficialToken, timestamp, nonce));

    [Fact]
    public void Compute_SafeModeFixture_MatchesSignatureAndMsgSignature()
    {
        Assert.Equal(Signature, WeChatSignature.Compute(Token, Timestamp, Nonce));
        Assert.Equal(MsgSignature, WeChatSignature.Compute(Token, Timestamp, Nonce, Encrypt));
        Assert.Equal(WeComMsgSignature, WeChatSignature.Compute(WeComToken, WeComTimestamp, WeComNonce, WeComEchoStr));
    }

    [Fact]
    public void Compute_SortsOrdinally_SoOrderOfPartsDoesNotMatter() =>
        Assert.Equal(WeChatSignature.Compute("b", "B", "a", "_"), WeChatSignature.Compute("_", "a", "B", "b"));

    [Theory]
    [InlineData(Signature, true)]
    [InlineData("4E17212123B3CE5A6B11643DC658AF83FDB54C7D", true)]
    [InlineData("4e17212123b3ce5a6b11643dc658af83fdb54c7e", false)]
    [InlineData("4e17212123b3ce5a6b11643dc658af83fdb54c7", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void Matches_AcceptsOnlyTheRightSignature(string? signature, bool expected) =>
        Assert.Equal(expected, WeChatSignature.Matches(signature, Token, Timestamp, Nonce));
}
