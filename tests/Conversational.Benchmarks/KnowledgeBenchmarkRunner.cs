using System.Diagnostics;
using System.Globalization;
using BenchmarkDotNet.Running;
using Conversational.Knowledge.Vectors;

namespace Conversational.Benchmarks;

/// <summary>
/// The <c>knowledge</c> command: <see cref="KnowledgeSearchBenchmark"/>, <see cref="VectorSearchBenchmark"/> for both
/// index kinds, and before them the approximate index's recall@10 against exact search on the same queries.
/// </summary>
public static class KnowledgeBenchmarkRunner
{
    public static int Run()
    {
        MeasureRecall();
        var search = BenchmarkRunner.Run<KnowledgeSearchBenchmark>(new KnowledgeSearchBenchmarkConfig());
        var vectors = BenchmarkRunner.Run<VectorSearchBenchmark>(new VectorSearchBenchmarkConfig());
        var failed = new[] { search, vectors }.Any(summary => summary.HasCriticalValidationErrors || summary.Reports.Any(report => !report.Success))
            || vectors.Reports.Length != VectorSearchBenchmark.Kinds.Length || search.Reports.Length != 1;
        Console.Error.WriteLine($"Results: {search.ResultsDirectoryPath}");
        return failed ? 1 : 0;
    }

    private static void MeasureRecall()
    {
        var clock = Stopwatch.StartNew();
        var (points, queries) = VectorSearchBenchmark.Data();
        Console.Error.WriteLine($"embedded {points.Count} questions in {clock.Elapsed.TotalSeconds:0.0} s");
        clock.Restart();
        var exact = (ExactVectorIndex)VectorSearchBenchmark.Build("exact", points);
        var approximate = (InvertedFileVectorIndex)VectorSearchBenchmark.Build("approximate", points);
        Console.Error.WriteLine($"built both indexes in {clock.Elapsed.TotalSeconds:0.0} s ({approximate.Cells} cells, {approximate.Probes} probed)");
        var found = 0;
        foreach (var query in queries)
        {
            var truth = exact.Search(query, VectorSearchBenchmark.Limit, null).Select(match => match.Id).ToHashSet(StringComparer.Ordinal);
            found += approximate.Search(query, VectorSearchBenchmark.Limit, null).Count(match => truth.Contains(match.Id));
        }

        Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"approximate recall@10 against exact: {found / (double)(queries.Length * VectorSearchBenchmark.Limit):0.0000} over {queries.Length} queries"));
    }
}
