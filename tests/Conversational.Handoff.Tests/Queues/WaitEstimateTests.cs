using Conversational.Handoff.Queues;

namespace Conversational.Handoff.Tests.Queues;

/// <summary>The documented estimate formula: customers who need a slot to free, over the group's slots.</summary>
public sealed class WaitEstimateTests
{
    private static readonly TimeSpan FourMinutes = TimeSpan.FromMinutes(4);

    [Theory]
    [InlineData(0, 6, 1, 0)]     // a free slot: offered at once
    [InlineData(2, 6, 3, 0)]     // the two ahead and this customer all fit
    [InlineData(0, 6, 0, 40)]    // first in line, six slots busy: 4 min / 6
    [InlineData(5, 6, 0, 240)]   // six need a slot: one handle time
    [InlineData(3, 0, 0, 960)]   // nobody online: as if one slot
    [InlineData(1, 3, 0, 160)]   // 2 × 240 / 3
    public void Estimate_IsTheCustomersWaitingForASlot_TimesHandleTime_OverSlots(int ahead, int slots, int free, int seconds) =>
        Assert.Equal(TimeSpan.FromSeconds(seconds), WaitEstimate.For(ahead, slots, free, FourMinutes));

    [Fact]
    public void Estimate_RoundsUpToWholeSeconds() =>
        Assert.Equal(TimeSpan.FromSeconds(81), WaitEstimate.For(0, 3, 0, TimeSpan.FromSeconds(241)));
}
