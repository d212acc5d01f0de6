using System.Text;
using Conversational.Knowledge.IntentClassification;

namespace Conversational.Knowledge.Matching;

/// <summary>
/// Reads question-pair files (DESIGN §15): CSV or TSV as <see cref="ExampleFile"/> reads them, with a header naming
/// <c>text1</c>, <c>text2</c> and <c>label</c> (1 = same meaning, 0 = different) in any order.
/// </summary>
/// <remarks>Problems throw <see cref="InvalidDataException"/> with the file and line, e.g. <c>train.tsv:7: …</c>.</remarks>
public static class PairFile
{
    private static readonly string[] Columns = ["text1", "text2", "label"];

    public static IReadOnlyList<QuestionPair> Read(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var content = File.ReadAllText(path, Encoding.UTF8);
        return Parse(content, path.EndsWith(".csv", StringComparison.OrdinalIgnoreCase), Path.GetFileName(path));
    }

    public static IReadOnlyList<QuestionPair> Parse(string content, bool csv, string source)
    {
        ArgumentNullException.ThrowIfNull(content);
        using var rows = ExampleFile.Rows(content, csv, source).GetEnumerator();
        if (!rows.MoveNext())
        {
            throw new InvalidDataException($"{source}:1: the file is empty; it needs a header row with text1, text2 and label columns.");
        }

        var header = rows.Current.Fields.Select(field => field.Trim().ToLowerInvariant()).ToList();
        var index = Columns.Select(column => header.IndexOf(column)).ToArray();
        if (Array.IndexOf(index, -1) is var missing and >= 0)
        {
            throw new InvalidDataException(
                $"{source}:{rows.Current.Line}: the header has no {Columns[missing]} column (found: {string.Join(", ", header)}).");
        }

        var pairs = new List<QuestionPair>();
        while (rows.MoveNext())
        {
            var (line, fields) = rows.Current;
            if (fields.Count == 1 && fields[0].Length == 0)
            {
                continue;
            }

            if (fields.Count != header.Count)
            {
                throw new InvalidDataException($"{source}:{line}: expected {header.Count} fields like the header, found {fields.Count}.");
            }

            var same = fields[index[2]].Trim() switch
            {
                "1" => true,
                "0" => false,
                var other => throw new InvalidDataException($"{source}:{line}: the label must be 0 or 1, found \"{other}\"."),
            };
            pairs.Add(new QuestionPair(fields[index[0]], fields[index[1]], same));
        }

        return pairs;
    }
}
