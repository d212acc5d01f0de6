using System.Globalization;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Loggers;
using BenchmarkDotNet.Mathematics;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Perfolizer.Horology;
using Perfolizer.Mathematics.OutlierDetection;

namespace Conversational.Benchmarks;

/// <summary>
/// One operation per iteration (invocation count 1), so BenchmarkDotNet's percentile columns are percentiles of single
/// operations, not of iteration averages. Outliers are kept and no GC is forced between operations: a collection that
/// lands in one counts against it, as in the host. In process, so options from the command line reach the benchmark and
/// nothing is generated and built under the repository. The <c>turn</c> and <c>pricing</c> commands differ only in counts.
/// </summary>
public abstract class OneOperationPerIterationConfig : ManualConfig
{
    protected OneOperationPerIterationConfig(string jobId, string operation, int warmup, int measured)
    {
        AddLogger(ConsoleLogger.Default);
        AddAnalyser([.. DefaultConfig.Instance.GetAnalysers()]);
        AddValidator([.. DefaultConfig.Instance.GetValidators()]);
        AddColumnProvider(DefaultColumnProviders.Descriptor, DefaultColumnProviders.Job, DefaultColumnProviders.Params,
            DefaultColumnProviders.Metrics);
        AddJob(Job.Default
            .WithToolchain(InProcessEmitToolchain.Instance)
            .WithLaunchCount(1)
            .WithWarmupCount(warmup)
            .WithIterationCount(measured)
            .WithInvocationCount(1)
            .WithUnrollFactor(1)
            .WithOutlierMode(OutlierMode.DontRemove)
            .WithGcForce(false)
            .WithId(jobId));
        AddDiagnoser(MemoryDiagnoser.Default);
        AddColumn(StatisticColumn.Mean, StatisticColumn.P50, StatisticColumn.P95, new PercentileColumn(99, operation),
            StatisticColumn.P100, StatisticColumn.Iterations);
        // Beside the binaries, not in whatever directory the command was run from.
        WithArtifactsPath(Path.Combine(AppContext.BaseDirectory, "BenchmarkDotNet.Artifacts"));
    }

    /// <summary>A percentile BenchmarkDotNet has no ready column for (it stops at P95 and P100).</summary>
    private sealed class PercentileColumn(int percentile, string operation) : IColumn
    {
        public string Id => $"{nameof(PercentileColumn)}.P{percentile}";

        public string ColumnName => $"P{percentile}";

        public bool AlwaysShow => true;

        public ColumnCategory Category => ColumnCategory.Statistics;

        // BenchmarkDotNet's own percentile columns have priority 2 in the statistics category; sit among them.
        public int PriorityInCategory => 2;

        public bool IsNumeric => true;

        public UnitType UnitType => UnitType.Time;

        public string Legend => $"Percentile {percentile} of the single-{operation} times";

        public bool IsAvailable(Summary summary) => true;

        public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;

        public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, summary.Style);

        public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
        {
            var statistics = summary[benchmarkCase]?.ResultStatistics;
            if (statistics is null)
            {
                return "NA";
            }

            // In the unit and with the decimals the summary picked for its other time columns, so they compare at a glance.
            var unit = style.TimeUnit ?? TimeUnit.Millisecond;
            double InUnit(Statistics s) => TimeUnit.Convert(s.Percentiles.Percentile(percentile), TimeUnit.Nanosecond, unit);
            var smallest = summary.Reports.Where(r => r.ResultStatistics is not null).Min(r => InUnit(r.ResultStatistics!));
            var value = InUnit(statistics).ToString("N" + Decimals(smallest), CultureInfo.InvariantCulture);
            return style.PrintUnitsInContent ? $"{value} {unit.Abbreviation}" : value;
        }

        // As BenchmarkDotNet's statistic columns choose them: fewer decimals for larger values.
        private static int Decimals(double smallest) =>
            double.IsNaN(smallest) || double.IsInfinity(smallest) ? 1
            : smallest < 1 ? 4
            : Math.Clamp((int)Math.Truncate(-Math.Log10(smallest)) + 3, 1, 4);
    }
}
