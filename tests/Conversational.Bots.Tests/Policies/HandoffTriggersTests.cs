using Conversational.Bots.Conversations;
using Conversational.Bots.Policies;
using Conversational.Knowledge.Understanding.Escalation;

namespace Conversational.Bots.Tests.Policies;

/// <summary>Which escalation signals of a message hand the customer to a person, and for which reason.</summary>
public sealed class HandoffTriggersTests
{
    [Theory]
    [InlineData("我要打12315投诉你们", HandoffReasons.ComplaintThreat)]
    [InlineData("I will report you to the regulator", HandoffReasons.ComplaintThreat)]
    [InlineData("你们这帮王八蛋", HandoffReasons.NegativeEmotion)]
    [InlineData("王八蛋，我要找律师起诉你们", HandoffReasons.ComplaintThreat)]
    [InlineData("我要投诉", null)]
    [InlineData("你们真是白痴", null)]
    [InlineData("急死了", null)]
    [InlineData("我要销户", null)]
    public void Only_a_strong_threat_or_abuse_hands_off(string text, string? reason)
    {
        var flagged = EscalationDetector.Detect(text).Select(s => new EmotionFlagged(s.Kind, s.Level, s.Cue));

        Assert.Equal(reason, HandoffTriggers.EmotionReason(flagged));
    }
}
