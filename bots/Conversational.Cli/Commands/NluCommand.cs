using System.CommandLine;

namespace Conversational.Cli.Commands;

/// <summary>
/// <c>nlu eval</c>: train the intent model on one file and score it on another; <c>nlu cv</c>: cross-validate it on one
/// file; <c>nlu train</c>: train the bot's model from its example files.
/// </summary>
internal static class NluCommand
{
    public static Command Create()
    {
        var train = new Option<FileInfo>("--train")
        {
            Description = "Training examples, CSV or TSV with text and label (or category) columns",
            Required = true,
        };
        var test = new Option<FileInfo>("--test") { Description = "Test examples, in the same format", Required = true };
        var oosLabel = new Option<string?>("--oos-label")
        {
            Description = "The label of out-of-scope examples, to report in-scope and OOS scores",
        };
        var json = new Option<bool>("--json") { Description = "Print the result as one JSON object" };
        var eval = new Command("eval", "Train the intent model and evaluate it") { train, test, oosLabel, json };
        eval.SetAction(parse => NluEvaluation.Run(
            parse.GetRequiredValue(train), parse.GetRequiredValue(test), parse.GetValue(oosLabel), parse.GetValue(json)));

        var folds = new Option<int>("--folds") { Description = "Number of stratified folds (2 or more)", DefaultValueFactory = _ => 5 };
        folds.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() < 2)
            {
                result.AddError("--folds must be at least 2.");
            }
        });
        var cv = new Command("cv", "Cross-validate the intent model: train on all folds but one, test on that one, average")
        {
            train, folds, oosLabel, json,
        };
        cv.SetAction(parse => NluEvaluation.RunCrossValidation(
            parse.GetRequiredValue(train), parse.GetValue(folds), parse.GetValue(oosLabel), parse.GetValue(json)));

        var examples = new Option<DirectoryInfo?>("--examples")
        {
            Description = "Directory of example files (*.tsv, *.csv with text and label columns); default: the bundled demo examples",
        };
        var output = new Option<FileInfo?>("--out") { Description = "Where to save the model; default: data/intent-model.cvif" };
        var trainCommand = new Command("train", "Train the bot's intent model from example files and save it") { examples, output };
        trainCommand.SetAction(parse => NluTraining.Run(parse.GetValue(examples), parse.GetValue(output)));
        return new Command("nlu", "Natural-language understanding") { eval, cv, trainCommand };
    }
}
