namespace Conversational.Host.Tests.Channels.WeChat.Protocol;

/// <summary>
/// Published vectors: WeChat's own signature example, a safe-mode message from microsoft/BotFramework-WeChat's tests
/// and WeCom's official URL-verification sample (research/protocols.md §2.1, §2.6).
/// </summary>
internal static class WeChatFixtures
{
    public const string OfficialToken = "AAAAA";

    public const string Token = "bmwipabotwx";
    public const string EncodingAesKey = "P7PIjIGpA7axbjbffRoWYq7G0BsIaEpqdawIir4KqCt";
    public const string AppId = "wx77f941c869071d99";
    public const string Timestamp = "1562066088";
    public const string Nonce = "236161902";
    public const string Signature = "4e17212123b3ce5a6b11643dc658af83fdb54c7d";
    public const string MsgSignature = "f3187a0efd9709c8f6550190147f43c279e9bc43";

    public const string Encrypt =
        "8VfmSJqZFzMlnaDohVD7I0T+9LIG1fT8kl221jOyL9TwkTJ38AZ9A6kMxvADvvxfg+azCEOEXtdVElhLs/roYyf25YfGH4kZp0O2t6XngOzwClG9HAhUV29Oomou"
        + "AqVpZ1ySqV60THKQ8E25N+fYF8RnXboae0r/ZTGnUJPuPwPVtbBj1dIGuFjpls+mnaSyg6Ag04FF5GcqO7exfEugQtNS44yQbmel/EKmxtvzz9CClJ3QnsHUODC"
        + "Mj5e6lYNSM7b84s+OBtKKsD0ObRnrAN5IfFLbDqK6twKlwTqHM0O1icSmfFo2MHT2+iizTcJfpbFnQeIj1zlSQdexvQ8fH9JwoSaHjQad/CyQ4D/PSxYi2Thu2Z"
        + "Ft5C2/NJ0ixL++GlOZpdaL/SQvxsVPrqsNhp7tteT69EVbpZux7c+eib4=";

    public const string Decrypted = """
        <xml><ToUserName><![CDATA[gh_d13df7f4ef38]]></ToUserName>
        <FromUserName><![CDATA[of3ss6NTm25BKyE9KfDPD-ALSeWg]]></FromUserName>
        <CreateTime>1562066088</CreateTime>
        <MsgType><![CDATA[text]]></MsgType>
        <Content><![CDATA[hi]]></Content>
        <MsgId>22363405356629000</MsgId>
        </xml>
        """;

    public const string WeComToken = "QDG6eK";
    public const string WeComKey = "jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C";
    public const string WeComReceiveId = "wx5823bf96d3bd56c7";
    public const string WeComTimestamp = "1409659589";
    public const string WeComNonce = "263014780";
    public const string WeComEchoStr = "P9nAzCzyDtyTWESHep1vC5X9xho/qYX3Zpb4yKa9SKld1DsH3Iyt3tP3zNdtp+4RPcs8TgAE7OaBO+FZXvnaqQ==";
    public const string WeComMsgSignature = "5c45ff5e21c57e6ad56bac8758b79b1d9ac89fd3";
    public const string WeComEcho = "1616140317555161061";
}
