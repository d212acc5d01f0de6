using System.Globalization;
using Conversational.Knowledge.Text;

namespace Conversational.Knowledge.Articles.Import;

/// <summary>
/// Entries as CSV rows: a header row naming the columns (any order; <c>id</c> required, unknown names refused), then one
/// entry a row. Lists (questions, tags, channels) are separated by <c>|</c> or line breaks inside the quoted cell.
/// </summary>
internal static class CsvEntries
{
    public static IReadOnlyList<SourcedContent> Parse(string text, string source)
    {
        List<(int Line, List<string> Fields)> rows;
        try
        {
            rows = [.. CsvRows.Read(text, source)];
        }
        catch (InvalidDataException exception)
        {
            throw Located(exception.Message, source);
        }

        using var row = rows.GetEnumerator();
        if (!row.MoveNext())
        {
            throw new KnowledgeImportException(source, 1, "the file is empty; it needs a header row (id,title,questions,answer,…).");
        }

        var header = row.Current.Fields.Select(name => name.Trim()).ToList();
        var unknown = header.Where(name => !ImportFields.Names.Contains(name)).ToList();
        if (unknown.Count > 0 || !header.Contains("id"))
        {
            throw new KnowledgeImportException(source, row.Current.Line, unknown.Count > 0
                ? $"unknown column(s) {string.Join(", ", unknown)}; the columns are {string.Join(", ", ImportFields.Names)}."
                : "the header has no id column.");
        }

        var entries = new List<SourcedContent>();
        while (row.MoveNext())
        {
            var (line, fields) = row.Current;
            if (fields is [""])
            {
                continue;
            }

            if (fields.Count != header.Count)
            {
                throw new KnowledgeImportException(source, line, $"expected {header.Count} fields like the header, found {fields.Count}.");
            }

            string Cell(string name) => header.IndexOf(name) is var column and >= 0 ? fields[column] : "";
            IReadOnlyList<string> List(string name) => Cell(name).Split(['|', '\n'], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);

            entries.Add(new SourcedContent(new KnowledgeContent(
                Cell("id"), ImportFields.Kind(Cell("kind"), source, line), Cell("title"), List("questions"), Cell("answer"), Cell("language"),
                List("tags"), List("channels"), ImportFields.Instant("validFrom", Cell("validFrom"), source, line),
                ImportFields.Instant("validUntil", Cell("validUntil"), source, line), Cell("owner")),
                source, line, new Dictionary<string, int>()));
        }

        return entries;
    }

    // CsvRows reports "source:line: reason"; the problem keeps line and reason apart.
    private static KnowledgeImportException Located(string message, string source)
    {
        var rest = message[(source.Length + 1)..];
        var colon = rest.IndexOf(": ", StringComparison.Ordinal);
        return new KnowledgeImportException(source, int.Parse(rest[..colon], CultureInfo.InvariantCulture), rest[(colon + 2)..]);
    }
}
