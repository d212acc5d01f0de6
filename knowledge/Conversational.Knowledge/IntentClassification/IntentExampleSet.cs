using System.Security.Cryptography;

namespace Conversational.Knowledge.IntentClassification;

/// <summary>
/// The trainers' intent examples: every <c>*.tsv</c> and <c>*.csv</c> file of a directory (<see cref="ExampleFile"/>
/// format), and a hash of their content that tells whether a saved model was trained on exactly these.
/// </summary>
/// <param name="ContentHash">Lower-case hex SHA-256 over the files' names and bytes, in name order.</param>
public sealed record IntentExampleSet(IReadOnlyList<IntentExample> Examples, string ContentHash)
{
    /// <summary>The example files the product ships, copied beside the binaries from <c>IntentClassification/demo/</c>.</summary>
    public static string BundledDirectory => Path.Combine(AppContext.BaseDirectory, "intents");

    /// <exception cref="DirectoryNotFoundException">No such directory.</exception>
    /// <exception cref="InvalidDataException">No example file in it, or a file that cannot be read (file and line named).</exception>
    public static IntentExampleSet Read(string directory)
    {
        ArgumentNullException.ThrowIfNull(directory);
        var files = new DirectoryInfo(directory).EnumerateFiles()
            .Where(file => file.Extension.ToLowerInvariant() is ".tsv" or ".csv")
            .OrderBy(file => file.Name, StringComparer.Ordinal)
            .ToList();
        if (files.Count == 0)
        {
            throw new InvalidDataException($"No intent example file (*.tsv, *.csv) in {directory}.");
        }

        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var examples = new List<IntentExample>();
        foreach (var file in files)
        {
            hash.AppendData(System.Text.Encoding.UTF8.GetBytes(file.Name + "\n"));
            hash.AppendData(File.ReadAllBytes(file.FullName));
            examples.AddRange(ExampleFile.Read(file.FullName));
        }

        return new IntentExampleSet(examples, Convert.ToHexStringLower(hash.GetHashAndReset()));
    }

    /// <summary>
    /// These examples and <paramref name="added"/> (trainers' examples kept elsewhere, in their order), with a hash over
    /// both; no added examples leave the set and its hash as they are, so a saved model is not retrained for nothing.
    /// </summary>
    public IntentExampleSet With(IReadOnlyList<IntentExample> added)
    {
        ArgumentNullException.ThrowIfNull(added);
        if (added.Count == 0)
        {
            return this;
        }

        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(System.Text.Encoding.UTF8.GetBytes(ContentHash + "\n"));
        foreach (var example in added)
        {
            hash.AppendData(System.Text.Encoding.UTF8.GetBytes(example.Text + "\t" + example.Label + "\n"));
        }

        return new IntentExampleSet([.. Examples, .. added], Convert.ToHexStringLower(hash.GetHashAndReset()));
    }
}
