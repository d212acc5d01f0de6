using Conversational.Knowledge.IntentClassification;
using Conversational.Knowledge.Understanding;

namespace Conversational.Knowledge.Tests.IntentClassification;

public sealed class IntentExampleSetTests : IDisposable
{
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("intent-examples-");

    public void Dispose() => _directory.Delete(recursive: true);

    [Fact]
    public void Read_EveryTsvAndCsvFile_InNameOrder_IgnoringOtherFiles()
    {
        Write("b.tsv", "text\tlabel\n退货\treturn\n");
        Write("a.csv", "text,label\nhello,greeting\n");
        Write("notes.md", "# not examples");

        var set = IntentExampleSet.Read(_directory.FullName);

        Assert.Equal([new IntentExample("hello", "greeting"), new IntentExample("退货", "return")], set.Examples);
    }

    [Fact]
    public void ContentHash_SameFiles_IsTheSame_AndChangesWithAnyEdit()
    {
        Write("a.tsv", "text\tlabel\n退货\treturn\n");
        var first = IntentExampleSet.Read(_directory.FullName).ContentHash;

        Assert.Equal(first, IntentExampleSet.Read(_directory.FullName).ContentHash);
        Write("a.tsv", "text\tlabel\n退货了\treturn\n");
        Assert.NotEqual(first, IntentExampleSet.Read(_directory.FullName).ContentHash);
        Assert.Matches("^[0-9a-f]{64}$", first);
    }

    [Fact]
    public void Read_NoExampleFile_ThrowsInvalidDataNamingTheDirectory()
    {
        var error = Assert.Throws<InvalidDataException>(() => IntentExampleSet.Read(_directory.FullName));

        Assert.Contains(_directory.FullName, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void BundledExamples_UseOnlyKnownIntents_AndTeachEachOneInBothLanguages()
    {
        var known = typeof(Intents).GetFields().Select(field => (string)field.GetValue(null)!).ToHashSet();
        var examples = IntentExampleSet.Read(IntentExampleSet.BundledDirectory).Examples;

        Assert.All(examples, example => Assert.Contains(example.Label, known));
        foreach (var group in examples.GroupBy(example => example.Label))
        {
            var chinese = group.Count(example => TextLanguage.Detect(example.Text) == TextLanguage.Chinese);
            Assert.True(chinese >= 15, $"{group.Key}: {chinese} Chinese examples");
            Assert.True(group.Count() - chinese >= 15, $"{group.Key}: {group.Count() - chinese} other examples");
        }
    }

    private void Write(string name, string content) => File.WriteAllText(Path.Combine(_directory.FullName, name), content);
}
