using System.CommandLine;

namespace Conversational.Cli.Commands;

/// <summary>
/// <c>kb eval</c>, <c>kb split</c> and <c>kb import</c>: the knowledge base's retrieval score, the held-out split it is
/// measured on, and its content.
/// </summary>
internal static class KbCommand
{
    public static Command Create() => new("kb", "Knowledge base") { Eval(), Split(), KbImportCommand.Create() };

    private static Command Eval()
    {
        var corpus = new Option<FileInfo>("--corpus")
        {
            Description = "Rows to index, CSV or TSV with text and label (the FAQ) columns",
            Required = true,
        };
        var queries = new Option<FileInfo>("--queries") { Description = "Queries and the FAQ each should find", Required = true };
        var json = new Option<bool>("--json") { Description = "Print the result as one JSON object" };
        var mode = new Option<SearchMode>("--mode")
        {
            Description = "hybrid (BM25 and dense fused, the default), lexical (BM25 alone) or dense (embeddings alone)",
            DefaultValueFactory = _ => SearchMode.Hybrid,
        };

        var eval = new Command("eval", "Index a corpus and measure retrieval on queries") { corpus, queries, mode, json };
        eval.SetAction((parse, cancellationToken) => KbEvaluation.RunAsync(
            parse.GetRequiredValue(corpus), parse.GetRequiredValue(queries), parse.GetValue(mode), parse.GetValue(json), cancellationToken));
        return eval;
    }

    private static Command Split()
    {
        var data = new Option<FileInfo>("--data") { Description = "Labelled rows, CSV or TSV with text and label columns", Required = true };
        var fraction = new Option<double>("--held-out")
        {
            Description = "Share of each label's rows to hold out (0–1)",
            DefaultValueFactory = _ => 0.2,
        };
        fraction.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<double>() is <= 0 or >= 1)
            {
                result.AddError("--held-out must be between 0 and 1.");
            }
        });
        var seed = new Option<int>("--seed") { Description = "Seed of the shuffle", DefaultValueFactory = _ => 1 };
        var output = new Option<DirectoryInfo>("--out") { Description = "Directory for train and held-out files", Required = true };

        var split = new Command("split", "Write a stratified, seeded held-out split of a labelled file") { data, fraction, seed, output };
        split.SetAction(parse => ExampleSplitWriter.Run(
            parse.GetRequiredValue(data), parse.GetValue(fraction), parse.GetValue(seed), parse.GetRequiredValue(output)));
        return split;
    }
}
