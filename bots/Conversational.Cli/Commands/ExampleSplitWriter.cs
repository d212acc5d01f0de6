using System.Text;
using Conversational.Knowledge.IntentClassification;

namespace Conversational.Cli.Commands;

/// <summary>
/// <c>kb split</c>: divides a labelled file into a stratified held-out share and the rest with
/// <see cref="ExampleSplits.StratifiedSplit"/> (seeded, so the same command always writes the same files), for
/// <c>kb eval --corpus train… --queries held-out…</c>. Writes <c>train</c> and <c>held-out</c> files in the input's format.
/// </summary>
internal static class ExampleSplitWriter
{
    public static int Run(FileInfo input, double fraction, int seed, DirectoryInfo output)
    {
        if (!InputFiles.Exist(input))
        {
            return InputFiles.MissingExitCode;
        }

        IReadOnlyList<IntentExample> examples;
        try
        {
            examples = ExampleFile.Read(input.FullName);
        }
        catch (InvalidDataException exception)
        {
            Console.Error.WriteLine(exception.Message);
            return KbEvaluation.InvalidInputExitCode;
        }

        var (train, heldOut) = ExampleSplits.StratifiedSplit(examples, fraction, seed);
        output.Create();
        var csv = input.Extension.Equals(".csv", StringComparison.OrdinalIgnoreCase);
        var extension = csv ? ".csv" : ".tsv";
        Write(Path.Combine(output.FullName, "train" + extension), train, csv);
        Write(Path.Combine(output.FullName, "held-out" + extension), heldOut, csv);
        Console.Error.WriteLine($"wrote {train.Count} training and {heldOut.Count} held-out rows to {output.FullName}");
        return 0;
    }

    private static void Write(string path, IEnumerable<IntentExample> examples, bool csv)
    {
        var builder = new StringBuilder(csv ? "text,label\n" : "text\tlabel\n");
        foreach (var example in examples)
        {
            builder.Append(csv ? Quote(example.Text) : example.Text).Append(csv ? ',' : '\t')
                .Append(csv ? Quote(example.Label) : example.Label).Append('\n');
        }

        File.WriteAllText(path, builder.ToString(), new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
    }

    private static string Quote(string field) =>
        field.AsSpan().IndexOfAny(",\"\r\n") < 0 ? field : "\"" + field.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
