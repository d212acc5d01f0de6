using Conversational.Knowledge.IntentClassification;
using Conversational.Testing;

namespace Conversational.Benchmarks;

/// <summary>
/// Real questions for the knowledge benchmarks, from the public evaluation sets beside the repository
/// (<c>../shared/data</c>, or the directory given with <c>--data</c>): BANKING77, CLINC150, SMP2017 and both sides of
/// the AFQMC pairs.
/// </summary>
public static class KnowledgeBenchmarkData
{
    private static string? _directory;

    public static string Directory
    {
        get => _directory ??= Path.GetFullPath(Path.Combine(RepositoryPaths.Root(), "..", "shared", "data"));
        set => _directory = value;
    }

    public static IReadOnlyList<IntentExample> Read(string relativePath) => ExampleFile.Read(Path.Combine(Directory, relativePath));

    /// <summary>Every distinct question of the sets, in a fixed order.</summary>
    public static List<string> AllQuestions()
    {
        var pairs = File.ReadLines(Path.Combine(Directory, "afqmc", "train.tsv")).Skip(1).Select(line => line.Split('\t'))
            .Where(fields => fields.Length >= 2).SelectMany(fields => new[] { fields[0], fields[1] });
        var labelled = new[] { "banking77/train.csv", "clinc150/train.csv", "clinc150/val.csv", "smp2017/train.tsv", "smp2017/dev.tsv" }
            .SelectMany(path => Read(path).Select(example => example.Text));
        return labelled.Concat(pairs).Distinct(StringComparer.Ordinal).ToList();
    }
}
