using System.CommandLine;

namespace Conversational.Cli.Commands;

/// <summary><c>kb eval</c> and <c>kb import</c>: the knowledge base's retrieval score and its content.</summary>
internal static class KbCommand
{
    private const string Issue = "knowledge base";

    public static Command Create() => new("kb", "Knowledge base") { Eval(), KbImportCommand.Create() };

    private static Command Eval()
    {
        var corpus = new Option<FileInfo>("--corpus")
        {
            Description = "Rows to index, CSV or TSV with text and label (the FAQ) columns",
            Required = true,
        };
        var queries = new Option<FileInfo>("--queries") { Description = "Queries and the FAQ each should find", Required = true };
        var json = new Option<bool>("--json") { Description = "Print the result as one JSON object" };

        var eval = new Command("eval", "Index a corpus and measure retrieval on queries") { corpus, queries, json };
        eval.SetAction(parse => NotYetImplemented.Run("kb eval", Issue, parse.GetRequiredValue(corpus), parse.GetRequiredValue(queries)));
        return eval;
    }
}
