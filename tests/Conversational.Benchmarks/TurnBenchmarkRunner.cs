using BenchmarkDotNet.Running;

namespace Conversational.Benchmarks;

/// <summary>The <c>turn</c> command: <see cref="TurnBenchmark"/> for the chosen stores.</summary>
public static class TurnBenchmarkRunner
{
    public static int Run(IReadOnlyList<string> stores)
    {
        TurnBenchmark.Stores = stores;
        var summary = BenchmarkRunner.Run<TurnBenchmark>(new TurnBenchmarkConfig());
        var failed = summary.HasCriticalValidationErrors || summary.Reports.Length != stores.Count
            || summary.Reports.Any(report => !report.Success);
        Console.Error.WriteLine($"Results: {summary.ResultsDirectoryPath}");
        return failed ? 1 : 0;
    }
}
