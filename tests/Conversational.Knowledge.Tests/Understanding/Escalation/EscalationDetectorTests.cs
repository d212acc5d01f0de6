using Conversational.Knowledge.Understanding.Escalation;

namespace Conversational.Knowledge.Tests.Understanding.Escalation;

public sealed class EscalationDetectorTests
{
    [Theory]
    [InlineData("你们是傻逼吗", SignalLevel.High)]
    [InlineData("什么垃圾客服", SignalLevel.Low)]
    [InlineData("你这个智障机器人", SignalLevel.Medium)]
    [InlineData("你是白癡嗎", SignalLevel.Medium)]
    [InlineData("this is fucking ridiculous", SignalLevel.High)]
    [InlineData("you stupid bot", SignalLevel.Medium)]
    [InlineData("useless", SignalLevel.Low)]
    public void Detect_Insults_AreAbuse(string text, SignalLevel level) =>
        Assert.Equal(level, Single(text, SignalKind.Abuse).Level);

    [Theory]
    [InlineData("我要投诉你们", SignalLevel.Medium)]
    [InlineData("我要投訴", SignalLevel.Medium)]
    [InlineData("叫你们领导出来", SignalLevel.Medium)]
    [InlineData("再不处理我就打12315", SignalLevel.High)]
    [InlineData("我要去银保监会投诉", SignalLevel.High)]
    [InlineData("向金融监管部门反映", SignalLevel.High)]
    [InlineData("我要找媒体曝光你们", SignalLevel.High)]
    [InlineData("我已经请了律师，准备起诉", SignalLevel.High)]
    [InlineData("给你们差评", SignalLevel.Low)]
    [InlineData("I want to file a complaint", SignalLevel.Medium)]
    [InlineData("let me speak to your manager", SignalLevel.Medium)]
    [InlineData("I will report this to the regulator", SignalLevel.High)]
    [InlineData("my lawyer will contact you", SignalLevel.High)]
    [InlineData("I'm going to sue you", SignalLevel.High)]
    public void Detect_ComplaintThreats_AreLevelledByWhoIsCalledIn(string text, SignalLevel level) =>
        Assert.Equal(level, Single(text, SignalKind.ComplaintThreat).Level);

    [Theory]
    [InlineData("我要销户", SignalLevel.High)]
    [InlineData("帮我注销信用卡", SignalLevel.High)]
    [InlineData("我要銷戶", SignalLevel.High)]
    [InlineData("再这样我换一家", SignalLevel.Medium)]
    [InlineData("这张卡我不用了", SignalLevel.Low)]
    [InlineData("以后再也不买了", SignalLevel.Medium)]
    [InlineData("please close my account", SignalLevel.High)]
    [InlineData("I'll switch to another bank", SignalLevel.Medium)]
    public void Detect_ChurnThreats_AreLevelledByHowFinal(string text, SignalLevel level) =>
        Assert.Equal(level, Single(text, SignalKind.ChurnThreat).Level);

    [Theory]
    [InlineData("麻烦尽快处理", SignalLevel.Low)]
    [InlineData("马上给我退款", SignalLevel.Medium)]
    [InlineData("马上给我退款！！", SignalLevel.High)]
    [InlineData("急急急", SignalLevel.Low)]
    [InlineData("十万火急", SignalLevel.High)]
    [InlineData("快点!!!", SignalLevel.Medium)]
    [InlineData("退款呢？！！！", SignalLevel.Low)]
    [InlineData("this is urgent", SignalLevel.Medium)]
    [InlineData("I need it asap!!", SignalLevel.High)]
    [InlineData("emergency", SignalLevel.High)]
    public void Detect_Urgency_IsRaisedByExclamationMarks(string text, SignalLevel level) =>
        Assert.Equal(level, Single(text, SignalKind.Urgency).Level);

    [Theory]
    [InlineData("我不投诉，就问问")]
    [InlineData("我不是要投诉，只是想了解一下")]
    [InlineData("没有要投诉的意思")]
    [InlineData("不想销户")]
    [InlineData("不着急，慢慢来")]
    [InlineData("不急")]
    [InlineData("不用马上处理")]
    [InlineData("I'm not going to complain")]
    [InlineData("I don't want to close my account")]
    [InlineData("it's not urgent")]
    public void Detect_NegatedCues_SignalNothing(string text) =>
        Assert.Empty(EscalationDetector.Detect(text));

    [Theory]
    [InlineData("不满意，我要投诉", SignalKind.ComplaintThreat)]
    [InlineData("别逼我投诉", SignalKind.ComplaintThreat)]
    [InlineData("If this is not fixed I will sue", SignalKind.ComplaintThreat)]
    [InlineData("不行就销户", SignalKind.ChurnThreat)]
    [InlineData("再不马上处理", SignalKind.Urgency)]
    [InlineData("还不赶紧退款", SignalKind.Urgency)]
    [InlineData("如果不给退我就投诉", SignalKind.ComplaintThreat)]
    public void Detect_NegationElsewhereInTheSentence_KeepsTheThreat(string text, SignalKind kind) =>
        Assert.Equal(kind, Assert.Single(EscalationDetector.Detect(text)).Kind);

    [Theory]
    [InlineData("你好，请问账单怎么分期")]
    [InlineData("不用了，谢谢")]
    [InlineData("不用了")]
    [InlineData("这台滚筒洗衣机有货吗")]
    [InlineData("我想问一下退货的问题")]
    [InlineData("there is an issue with my order")]
    [InlineData("press the button to continue")]
    [InlineData("of course, thanks!")]
    [InlineData("")]
    public void Detect_OrdinaryMessages_SignalNothing(string text) =>
        Assert.Empty(EscalationDetector.Detect(text));

    [Fact]
    public void Detect_MessageWithSeveralKinds_ReportsEachOnceAtItsStrongest()
    {
        var signals = EscalationDetector.Detect("垃圾！我要投诉，再不马上处理我就打12315然后销户！！");

        Assert.Equal(
            [
                new EscalationSignal(SignalKind.Abuse, SignalLevel.Low, "垃圾"),
                new EscalationSignal(SignalKind.ComplaintThreat, SignalLevel.High, "12315"),
                new EscalationSignal(SignalKind.ChurnThreat, SignalLevel.High, "销户"),
                new EscalationSignal(SignalKind.Urgency, SignalLevel.High, "马上!!"),
            ],
            signals);
    }

    [Fact]
    public void Detect_TenThousandCharactersOfChatter_SignalsNothingAndIsQuick()
    {
        var text = string.Concat(Enumerable.Repeat("我想问一下这个怎么用，hello there. ", 500))[..10_000];
        var clock = System.Diagnostics.Stopwatch.StartNew();

        var signals = EscalationDetector.Detect(text);

        Assert.Empty(signals);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(1), $"took {clock.Elapsed}");
    }

    [Theory]
    [InlineData('急', SignalLevel.Low)]
    [InlineData('!', SignalLevel.Low)]
    [InlineData('投', null)]
    public void Detect_TenThousandOfOneCharacter_IsQuick(char c, SignalLevel? urgency)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();

        var signals = EscalationDetector.Detect(new string(c, 10_000));

        Assert.Equal(urgency, signals.SingleOrDefault(signal => signal.Kind == SignalKind.Urgency)?.Level);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(1), $"took {clock.Elapsed}");
    }

    private static EscalationSignal Single(string text, SignalKind kind) =>
        Assert.Single(EscalationDetector.Detect(text), signal => signal.Kind == kind);
}
