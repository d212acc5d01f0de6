using BenchmarkDotNet.Running;

namespace Conversational.Benchmarks;

/// <summary>The <c>pricing</c> command: <see cref="PricingBenchmark"/> for each coupon mix.</summary>
public static class PricingBenchmarkRunner
{
    public static int Run()
    {
        var summary = BenchmarkRunner.Run<PricingBenchmark>(new PricingBenchmarkConfig());
        var failed = summary.HasCriticalValidationErrors || summary.Reports.Length != PricingBenchmark.Mixes.Length
            || summary.Reports.Any(report => !report.Success);
        Console.Error.WriteLine($"Results: {summary.ResultsDirectoryPath}");
        return failed ? 1 : 0;
    }
}
