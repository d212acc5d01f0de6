using System.CommandLine;

namespace Conversational.Cli.Commands;

/// <summary><c>match eval</c>: question-pair matching, threshold fitted on one file and scored on another.</summary>
internal static class MatchCommand
{
    public static Command Create()
    {
        var train = new Option<FileInfo>("--train")
        {
            Description = "Question pairs, CSV or TSV with text1, text2 and label (0/1) columns",
            Required = true,
        };
        var test = new Option<FileInfo>("--test") { Description = "Question pairs to score, in the same format", Required = true };
        var json = new Option<bool>("--json") { Description = "Print the result as one JSON object" };

        var eval = new Command("eval", "Fit the match threshold and evaluate it") { train, test, json };
        eval.SetAction(parse => NotYetImplemented.Run("match eval", "question matching",
            parse.GetRequiredValue(train), parse.GetRequiredValue(test)));
        return new Command("match", "Question matching") { eval };
    }
}
