using System.Collections.Concurrent;
using System.Diagnostics;

namespace Conversational.Benchmarks;

/// <summary>What one timed phase of a load command measured: the turns' latencies in milliseconds and the errors.</summary>
public sealed record LoadPhaseResult(long Turns, long Errors, double[] Latencies, TimeSpan Elapsed);

/// <summary>
/// One timed phase of a load command: runs its loops concurrently, counts turns and errors (by kind, printed at the end)
/// and shows progress every 2 s, so each command only says what a turn is.
/// </summary>
public sealed class LoadPhase(string name)
{
    private readonly ConcurrentDictionary<string, int> _errorsByKind = new(StringComparer.Ordinal);
    private long _turns;
    private long _errors;

    public void CountTurn() => Interlocked.Increment(ref _turns);

    public void CountError(string kind)
    {
        ArgumentNullException.ThrowIfNull(kind);
        Interlocked.Increment(ref _errors);
        _errorsByKind.AddOrUpdate(kind.Length > 160 ? kind[..160] : kind, 1, (_, n) => n + 1);
    }

    public void CountError(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        CountError(exception.GetType().Name + ": " + exception.Message);
    }

    /// <param name="loops">Each returns the latencies of the turns it completed.</param>
    public async Task<LoadPhaseResult> RunAsync(IEnumerable<Func<Task<List<double>>>> loops)
    {
        ArgumentNullException.ThrowIfNull(loops);
        var started = Stopwatch.GetTimestamp();
        using var reporting = new CancellationTokenSource();
        var reporter = LoadRun.ReportAsync(name, () => (Interlocked.Read(ref _turns), Interlocked.Read(ref _errors)), started, reporting.Token);
        var latencies = await Task.WhenAll(loops.Select(loop => Task.Run(loop)));
        var elapsed = Stopwatch.GetElapsedTime(started);
        await reporting.CancelAsync();
        await reporter;
        foreach (var (kind, count) in _errorsByKind.OrderByDescending(e => e.Value))
        {
            LoadRun.Progress($"{name}: {count} × {kind}");
        }

        return new LoadPhaseResult(Interlocked.Read(ref _turns), Interlocked.Read(ref _errors), [.. latencies.SelectMany(l => l)], elapsed);
    }
}
