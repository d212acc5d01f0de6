using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Conversational.Knowledge.Embeddings;
using Conversational.Knowledge.IntentClassification;
using Conversational.Knowledge.Retrieval;
using Conversational.Knowledge.Vectors;

namespace Conversational.Cli.Commands;

/// <summary>
/// What <c>kb eval</c> does (DESIGN §15): every corpus row becomes a chunk of the entry named by its label, indexed by
/// the same hybrid retriever the bot uses (default options, exact vector index, the local embedder fitted on the corpus
/// as the bot fits it on its knowledge, the entry classifier trained at once where the bot trains it in the
/// background); every query row is searched once (timed, embedding included) and scored by where its label's entry
/// ranks. Progress goes to stderr, with how well the confidence floor tells right best entries from wrong ones (a query
/// whose label is not in the corpus is one the bot should refuse) and the floor that would do best on these queries;
/// stdout holds only the result.
/// </summary>
internal static class KbEvaluation
{
    public const int InvalidInputExitCode = 1;

    private const int RankingDepth = 10;

    public static async Task<int> RunAsync(FileInfo corpusFile, FileInfo queriesFile, SearchMode mode, bool json,
        CancellationToken cancellationToken)
    {
        if (!InputFiles.Exist(corpusFile, queriesFile) || Read(corpusFile) is not { } corpus || Read(queriesFile) is not { } queries)
        {
            return InvalidInputExitCode;
        }

        var options = new KnowledgeSearchOptions();
        options.LexicalWeight = mode == SearchMode.Dense ? 0f : options.LexicalWeight;
        options.DenseWeight = mode == SearchMode.Lexical ? 0f : options.DenseWeight;
        options.EntryLexicalWeight = mode == SearchMode.Hybrid ? options.EntryLexicalWeight : 0f;
        options.ClassifierWeight = mode == SearchMode.Hybrid ? options.ClassifierWeight : 0f;
        var embedder = new HashingEmbedder(new HashingEmbedderOptions { Dimensions = options.Dimensions })
            .FitTo(corpus.Select(row => (row.Text, row.Label)));
        var retriever = new HybridRetriever(embedder, new ExactVectorIndex(), options, TimeProvider.System);
        var clock = Stopwatch.StartNew();
        await retriever.IndexAsync(
            corpus.Select((row, i) => KnowledgeChunk.Plain($"row-{i}", row.Label, row.Text, "")).ToList(), cancellationToken);
        var indexing = clock.Elapsed;
        if (options.ClassifierWeight > 0)
        {
            clock.Restart();
            retriever.Classifier = EntryClassifier.Train(retriever.Chunks);
            Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"trained the entry classifier in {clock.Elapsed.TotalSeconds:0.00} s"));
        }

        Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"indexed {corpus.Count} rows of {corpusFile.Name} in {indexing.TotalSeconds:0.00} s ({mode}); searching {queries.Count} queries…"));

        if (queries.Count > 0)
        {
            await retriever.SearchAsync(queries[0].Text, null, RankingDepth, cancellationToken); // warm-up
        }

        var rankings = new IReadOnlyList<string>[queries.Count];
        var outcomes = new (float Confidence, bool Right)[queries.Count];
        var micros = new double[queries.Count];
        for (var i = 0; i < queries.Count; i++)
        {
            var start = Stopwatch.GetTimestamp();
            var result = await retriever.SearchAsync(queries[i].Text, null, RankingDepth, cancellationToken);
            micros[i] = Stopwatch.GetElapsedTime(start).TotalMicroseconds;
            rankings[i] = result.Hits.Select(hit => hit.EntryId).ToList();
            outcomes[i] = (result.Confidence, result.Best?.EntryId == queries[i].Label);
        }

        var (floor, rightDecisions) = FloorCalibration.Choose(outcomes);
        Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"confidence floor {options.ConfidenceFloor:0.###}: {FloorCalibration.RightDecisions(outcomes, options.ConfidenceFloor):0.0000} right answer/refuse decisions; best on these queries {floor:0.###}: {rightDecisions:0.0000}"));

        var metrics = RetrievalMetrics.Compute(queries.Select(query => query.Label).ToList(), rankings);
        Array.Sort(micros);
        Write([
            ("recall_at_1", Math.Round(metrics.RecallAt1, 4)),
            ("recall_at_5", Math.Round(metrics.RecallAt5, 4)),
            ("mrr_at_10", Math.Round(metrics.MrrAt10, 4)),
            ("search_p50_us", Math.Round(NluEvaluation.Percentile(micros, 0.50), 1)),
            ("search_p99_us", Math.Round(NluEvaluation.Percentile(micros, 0.99), 1)),
            ("corpus_size", corpus.Count),
        ], json);
        return 0;
    }

    private static IReadOnlyList<IntentExample>? Read(FileInfo file)
    {
        try
        {
            return ExampleFile.Read(file.FullName);
        }
        catch (InvalidDataException exception)
        {
            Console.Error.WriteLine(exception.Message);
            return null;
        }
    }

    private static void Write(IReadOnlyList<(string Name, double Value)> fields, bool json)
    {
        if (!json)
        {
            foreach (var (name, value) in fields)
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name}: {value}"));
            }

            return;
        }

        using var stdout = Console.OpenStandardOutput();
        using (var writer = new Utf8JsonWriter(stdout))
        {
            writer.WriteStartObject();
            foreach (var (name, value) in fields)
            {
                writer.WriteNumber(name, value);
            }

            writer.WriteEndObject();
        }

        stdout.WriteByte((byte)'\n');
    }
}

/// <summary>Which retrievers <c>kb eval</c> runs: both fused (the product), or one alone as a baseline.</summary>
internal enum SearchMode
{
    Hybrid,
    Lexical,
    Dense,
}
