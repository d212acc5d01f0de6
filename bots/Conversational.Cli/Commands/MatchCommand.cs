using System.CommandLine;

namespace Conversational.Cli.Commands;

/// <summary>
/// <c>match eval</c>: train the question matcher on one file and score it on another; <c>match cv</c>: cross-validate
/// it on one file.
/// </summary>
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

        var eval = new Command("eval", "Train the matcher (threshold included) and evaluate it") { train, test, json };
        eval.SetAction(parse => MatchEvaluation.Run(parse.GetRequiredValue(train), parse.GetRequiredValue(test), parse.GetValue(json)));

        var folds = new Option<int>("--folds") { Description = "Number of stratified folds (2 or more)", DefaultValueFactory = _ => 5 };
        folds.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() < 2)
            {
                result.AddError("--folds must be at least 2.");
            }
        });
        var cv = new Command("cv", "Cross-validate the matcher: train on all folds but one, test on that one, average") { train, folds, json };
        cv.SetAction(parse => MatchEvaluation.RunCrossValidation(parse.GetRequiredValue(train), parse.GetValue(folds), parse.GetValue(json)));
        return new Command("match", "Question matching") { eval, cv };
    }
}
