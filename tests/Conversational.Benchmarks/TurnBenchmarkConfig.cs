namespace Conversational.Benchmarks;

/// <summary>One turn per iteration: 200 warm-up and 2,000 measured turns (see <see cref="OneOperationPerIterationConfig"/>).</summary>
public sealed class TurnBenchmarkConfig() : OneOperationPerIterationConfig("OneTurnPerIteration", "turn", WarmupTurns, MeasuredTurns)
{
    public const int WarmupTurns = 200;
    public const int MeasuredTurns = 2000;
}
