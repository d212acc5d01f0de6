using BenchmarkDotNet.Attributes;
using Conversational.Knowledge.Embeddings;
using Conversational.Knowledge.Vectors;

namespace Conversational.Benchmarks;

/// <summary>
/// One top-10 nearest-neighbour search per invocation over <see cref="Count"/> × 384 unit vectors: the local
/// embedder's vectors of every distinct question in the public sets (about 99k), topped up with vectors of two
/// questions joined. Queries are 1,000 of those questions with their first word or character dropped, so each is near
/// an indexed point but none is one. <see cref="Kind"/>: <c>exact</c> (SIMD scan) or <c>approximate</c> (inverted file).
/// </summary>
[Config(typeof(VectorSearchBenchmarkConfig))]
public class VectorSearchBenchmark
{
    public const int Count = 100_000;
    public const int Queries = 1_000;
    public const int Limit = 10;

    private static (List<VectorPoint> Points, float[][] Queries)? _data;

    private IVectorIndex _index = null!;
    private int _next;

    public static string[] Kinds { get; } = ["exact", "approximate"];

    [ParamsSource(nameof(Kinds))]
    public string Kind { get; set; } = "exact";

    /// <summary>The benchmark's points and queries, built once per process (about 100k embeddings).</summary>
    public static (List<VectorPoint> Points, float[][] Queries) Data()
    {
        if (_data is { } data)
        {
            return data;
        }

        var embedder = new HashingEmbedder(new HashingEmbedderOptions());
        var questions = KnowledgeBenchmarkData.AllQuestions();
        var texts = questions.Take(Count).ToList();
        for (var i = 0; texts.Count < Count; i++)
        {
            texts.Add(questions[i] + " " + questions[^(i + 1)]);
        }

        var payload = new Dictionary<string, IReadOnlyList<string>>();
        var points = texts.Select((text, i) => new VectorPoint($"p{i:D6}", embedder.Embed(text), payload)).ToList();
        var random = new Random(20261123);
        var queries = Enumerable.Range(0, Queries).Select(_ => embedder.Embed(WithoutFirstWord(texts[random.Next(texts.Count)]))).ToArray();
        _data = (points, queries);
        return _data.Value;
    }

    public static IVectorIndex Build(string kind, List<VectorPoint> points)
    {
        IVectorIndex index = kind == "exact" ? new ExactVectorIndex() : new InvertedFileVectorIndex();
        index.UpsertAsync(points, CancellationToken.None).GetAwaiter().GetResult();
        return index;
    }

    [GlobalSetup]
    public void Setup()
    {
        _index = Build(Kind, Data().Points);
        _next = 0;
    }

    [Benchmark(Description = "Search(100k x 384, top 10)")]
    public IReadOnlyList<VectorMatch> Search()
    {
        var queries = Data().Queries;
        return _index.SearchAsync(queries[_next++ % queries.Length], Limit, null, CancellationToken.None).GetAwaiter().GetResult();
    }

    private static string WithoutFirstWord(string text)
    {
        var space = text.IndexOf(' ', StringComparison.Ordinal);
        return space > 0 && space + 1 < text.Length ? text[(space + 1)..] : text.Length > 2 ? text[1..] : text;
    }
}

/// <summary>One search per iteration: 200 warm-up and 2,000 measured searches.</summary>
public sealed class VectorSearchBenchmarkConfig() : OneOperationPerIterationConfig("OneSearchPerIteration", "search", 200, 2_000);
