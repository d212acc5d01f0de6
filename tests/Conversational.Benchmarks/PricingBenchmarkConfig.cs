namespace Conversational.Benchmarks;

/// <summary>One quote per iteration: 5,000 warm-up and 10,000 measured quotes (see <see cref="OneOperationPerIterationConfig"/>).</summary>
public sealed class PricingBenchmarkConfig() : OneOperationPerIterationConfig("OneQuotePerIteration", "quote", WarmupQuotes, MeasuredQuotes)
{
    public const int WarmupQuotes = 5_000;
    public const int MeasuredQuotes = 10_000;
}
