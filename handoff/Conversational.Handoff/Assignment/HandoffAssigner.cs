using Conversational.Handoff.Queues;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Conversational.Handoff.Assignment;

/// <summary>
/// Runs an <see cref="AssignmentRound"/> whenever the handoff tables change (on any host, through
/// <see cref="HandoffChangeFeed"/>) and at least every second, for offers lapsing and SLAs passing while nothing else moves.
/// </summary>
public sealed partial class HandoffAssigner(AssignmentRound round, HandoffChangeFeed feed, TimeProvider time, ILogger<HandoffAssigner> logger)
    : BackgroundService
{
    public static readonly TimeSpan Tick = TimeSpan.FromSeconds(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var change = feed.NextChange();
            try
            {
                await round.RunAsync(stoppingToken);
            }
            catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
            {
                // The database may be restarting; the next round retries, and nothing was lost (a failed round rolls back).
                LogRoundFailed(exception);
            }

            // The tick's timer is dropped when a change wakes us first, so a busy queue does not pile up timers.
            using var tick = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
            await Task.WhenAny(change, Task.Delay(Tick, time, tick.Token));
            await tick.CancelAsync();
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "An assignment round failed; retrying on the next change or tick")]
    private partial void LogRoundFailed(Exception exception);
}
