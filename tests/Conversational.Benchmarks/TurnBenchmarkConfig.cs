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
/// One turn per iteration (invocation count 1), so BenchmarkDotNet's percentile columns are percentiles of single turns,
/// not of iteration averages. Outliers are kept and no GC is forced between turns: a collection that lands in a turn
/// counts against it, as in the host. In process, so the command line's <c>--store</c> reaches the benchmark and
/// nothing is generated and built under the repository.
/// </summary>
public sealed class TurnBenchmarkConfig : ManualConfig
{
    public const int WarmupTurns = 200;
    public const int MeasuredTurns = 2000;

    public TurnBenchmarkConfig()
    {
        AddLogger(ConsoleLogger.Default);
        AddAnalyser([.. DefaultConfig.Instance.GetAnalysers()]);
        AddValidator([.. DefaultConfig.Instance.GetValidators()]);
        AddColumnProvider(DefaultColumnProviders.Descriptor, DefaultColumnProviders.Job, DefaultColumnProviders.Params,
            DefaultColumnProviders.Metrics);
        AddJob(Job.Default
            .WithToolchain(InProcessEmitToolchain.Instance)
            .WithLaunchCount(1)
            .WithWarmupCount(WarmupTurns)
            .WithIterationCount(MeasuredTurns)
            .WithInvocationCount(1)
            .WithUnrollFactor(1)
            .WithOutlierMode(OutlierMode.DontRemove)
            .WithGcForce(false)
            .WithId("OneTurnPerIteration"));
        AddDiagnoser(MemoryDiagnoser.Default);
        AddColumn(StatisticColumn.Mean, StatisticColumn.P50, StatisticColumn.P95, new PercentileColumn(99), StatisticColumn.P100,
            StatisticColumn.Iterations);
        // Beside the binaries, not in whatever directory the command was run from.
        WithArtifactsPath(Path.Combine(AppContext.BaseDirectory, "BenchmarkDotNet.Artifacts"));
    }

    /// <summary>A percentile BenchmarkDotNet has no ready column for (it stops at P95 and P100).</summary>
    private sealed class PercentileColumn(int percentile) : IColumn
    {
        public string Id => $"{nameof(PercentileColumn)}.P{percentile}";

        public string ColumnName => $"P{percentile}";

        public bool AlwaysShow => true;

        public ColumnCategory Category => ColumnCategory.Statistics;

        // BenchmarkDotNet's own percentile columns have priority 2 in the statistics category; sit among them.
        public int PriorityInCategory => 2;

        public bool IsNumeric => true;

        public UnitType UnitType => UnitType.Time;

        public string Legend => $"Percentile {percentile} of the single-turn times";

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
