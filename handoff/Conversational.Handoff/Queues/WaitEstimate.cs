namespace Conversational.Handoff.Queues;

/// <summary>
/// The estimated wait (预计等待) shown to a waiting customer:
/// <c>max(0, ahead + 1 − free) × handleTime ÷ max(1, slots)</c>, rounded up to whole seconds, where
/// <c>ahead</c> counts every waiting customer served before this one in the group (all priority levels: the time is
/// honest even though the count shown is only the customer's own level), <c>slots</c> is the chats the group's online
/// agents can hold at once, <c>free</c> those slots not taken, and <c>handleTime</c> the group's mean chat length over
/// its last 50 closed chats (the configured <see cref="HandoffOptions.AverageHandleTime"/> until it has 5).
/// </summary>
public static class WaitEstimate
{
    public const int HistoryWindow = 50;
    public const int HistoryMinimum = 5;

    public static TimeSpan For(int aheadAllLevels, int slots, int freeSlots, TimeSpan handleTime)
    {
        var needSlot = aheadAllLevels + 1 - Math.Max(0, freeSlots);
        return needSlot <= 0
            ? TimeSpan.Zero
            : TimeSpan.FromSeconds(Math.Ceiling(needSlot * handleTime.TotalSeconds / Math.Max(1, slots)));
    }
}
