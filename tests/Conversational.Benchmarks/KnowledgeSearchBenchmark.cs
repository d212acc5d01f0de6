using BenchmarkDotNet.Attributes;
using Conversational.Knowledge.Embeddings;
using Conversational.Knowledge.Retrieval;
using Conversational.Knowledge.Vectors;

namespace Conversational.Benchmarks;

/// <summary>
/// One hybrid knowledge search per invocation (<see cref="KnowledgeSearchBenchmarkConfig"/>): BM25 and the local
/// embedder's dense search fused, over the 10,003 BANKING77 training questions indexed as 10,003 entries, with the
/// default options and the exact vector index; the questions asked are CLINC150's validation questions in turn.
/// The time includes embedding the question.
/// </summary>
[Config(typeof(KnowledgeSearchBenchmarkConfig))]
public class KnowledgeSearchBenchmark
{
    private HybridRetriever _retriever = null!;
    private string[] _questions = [];
    private int _next;

    [GlobalSetup]
    public void Setup()
    {
        var corpus = KnowledgeBenchmarkData.Read("banking77/train.csv");
        var chunks = corpus.Select((row, i) => KnowledgeChunk.Plain($"q{i:D5}", $"entry-{i:D5}", row.Text, "en")).ToList();
        var options = new KnowledgeSearchOptions();
        var embedder = new HashingEmbedder(new HashingEmbedderOptions { Dimensions = options.Dimensions })
            .FitTo(chunks.Select(chunk => (chunk.Text, chunk.EntryId)));
        _retriever = new HybridRetriever(embedder, new ExactVectorIndex(), options, TimeProvider.System);
        _retriever.IndexAsync(chunks, CancellationToken.None).GetAwaiter().GetResult();
        _questions = [.. KnowledgeBenchmarkData.Read("clinc150/val.csv").Select(example => example.Text)];
        _next = 0;
    }

    [Benchmark(Description = "Search(10k entries, hybrid)")]
    public SearchResult Search() =>
        _retriever.SearchAsync(_questions[_next++ % _questions.Length], SearchFilter.None, 5, CancellationToken.None).GetAwaiter().GetResult();
}

/// <summary>One search per iteration: 2,000 warm-up and 10,000 measured searches.</summary>
public sealed class KnowledgeSearchBenchmarkConfig() : OneOperationPerIterationConfig("OneSearchPerIteration", "search", 2_000, 10_000);
