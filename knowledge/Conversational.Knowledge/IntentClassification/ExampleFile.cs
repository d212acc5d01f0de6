using System.Text;
using Conversational.Knowledge.Text;

namespace Conversational.Knowledge.IntentClassification;

/// <summary>
/// Reads intent example files: CSV (<c>.csv</c>, RFC 4180 quoting, so a quoted field may hold commas, doubled quotes
/// and line breaks) or TSV (any other extension, one row a line, no quoting), UTF-8, with a header row naming a
/// <c>text</c> column and a <c>label</c> (or <c>category</c>) column in any order; other columns are ignored.
/// </summary>
/// <remarks>Problems throw <see cref="InvalidDataException"/> with the file and line, e.g. <c>train.csv:7: …</c>.</remarks>
public static class ExampleFile
{
    public static IReadOnlyList<IntentExample> Read(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var content = File.ReadAllText(path, Encoding.UTF8);
        var csv = path.EndsWith(".csv", StringComparison.OrdinalIgnoreCase);
        return Parse(content, csv, Path.GetFileName(path));
    }

    /// <summary>Parses file content; <paramref name="source"/> names it in error messages.</summary>
    public static IReadOnlyList<IntentExample> Parse(string content, bool csv, string source)
    {
        ArgumentNullException.ThrowIfNull(content);
        using var enumerator = Rows(content, csv, source).GetEnumerator();
        if (!enumerator.MoveNext())
        {
            throw new InvalidDataException($"{source}:1: the file is empty; it needs a header row with text and label columns.");
        }

        var header = enumerator.Current.Fields.Select(field => field.Trim().ToLowerInvariant()).ToList();
        var textColumn = header.IndexOf("text");
        var labelColumn = header.IndexOf("label");
        if (labelColumn < 0)
        {
            labelColumn = header.IndexOf("category");
        }

        if (textColumn < 0 || labelColumn < 0)
        {
            var missing = textColumn < 0 ? "text" : "label (or category)";
            throw new InvalidDataException(
                $"{source}:{enumerator.Current.Line}: the header has no {missing} column (found: {string.Join(", ", header)}).");
        }

        var examples = new List<IntentExample>();
        while (enumerator.MoveNext())
        {
            var (line, fields) = enumerator.Current;
            if (fields.Count == 1 && fields[0].Length == 0)
            {
                continue;
            }

            if (fields.Count != header.Count)
            {
                throw new InvalidDataException(
                    $"{source}:{line}: expected {header.Count} fields like the header, found {fields.Count}.");
            }

            var label = fields[labelColumn].Trim();
            if (label.Length == 0)
            {
                throw new InvalidDataException($"{source}:{line}: the label is empty.");
            }

            examples.Add(new IntentExample(fields[textColumn], label));
        }

        return examples;
    }

    /// <summary>The rows of a CSV or TSV file, each with its first line number; pair files (<c>match eval</c>) share it.</summary>
    internal static IEnumerable<(int Line, List<string> Fields)> Rows(string content, bool csv, string source) =>
        csv ? CsvRows.Read(content, source) : TsvRows(content);

    private static IEnumerable<(int Line, List<string> Fields)> TsvRows(string content)
    {
        var lines = content.Split('\n');
        var count = lines.Length > 0 && lines[^1].Length == 0 ? lines.Length - 1 : lines.Length;
        for (var i = 0; i < count; i++)
        {
            var line = lines[i].TrimEnd('\r');
            if (i == 0)
            {
                line = line.TrimStart('\uFEFF');
            }

            yield return (i + 1, line.Split('\t').ToList());
        }
    }
}
