namespace Conversational.Knowledge.Articles.Import;

/// <summary>
/// Reads knowledge to import from a Markdown folder (every <c>*.md</c> under it but README.md), one Markdown file, a
/// CSV file or a JSON file (formats in <c>knowledge/README.md</c>). Every entry is checked here, so a file's problems
/// are all reported with their file and line before anything is stored.
/// </summary>
public static class KnowledgeFiles
{
    /// <exception cref="KnowledgeImportException">Any problem in any file, or an id given twice; each with its file and line.</exception>
    /// <exception cref="FileNotFoundException">Nothing at <paramref name="path"/>.</exception>
    public static async Task<IReadOnlyList<KnowledgeContent>> ReadAsync(string path, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(path);
        var entries = new List<SourcedContent>();
        var problems = new List<ImportProblem>();
        foreach (var (file, source) in Files(path))
        {
            try
            {
                var text = await File.ReadAllTextAsync(file, cancellationToken);
                entries.AddRange(Path.GetExtension(file).ToLowerInvariant() switch
                {
                    ".md" => [MarkdownEntry.Parse(text, source)],
                    ".csv" => CsvEntries.Parse(text, source),
                    ".json" => JsonEntries.Parse(text, source),
                    var other => throw new KnowledgeImportException(source, 1, $"'{other}' files cannot be imported: use .md, .csv or .json."),
                });
            }
            catch (KnowledgeImportException exception)
            {
                problems.AddRange(exception.Problems);
            }
        }

        problems.AddRange(Check(entries));
        return problems.Count > 0 ? throw new KnowledgeImportException(problems) : [.. entries.Select(entry => entry.Content)];
    }

    /// <summary>Checks entries read from one text (the demo knowledge) and returns their contents.</summary>
    internal static IReadOnlyList<KnowledgeContent> Checked(IReadOnlyList<SourcedContent> entries) =>
        Check(entries) is { Count: > 0 } problems ? throw new KnowledgeImportException(problems) : [.. entries.Select(entry => entry.Content)];

    private static List<ImportProblem> Check(IReadOnlyList<SourcedContent> entries)
    {
        var problems = entries
            .SelectMany(entry => KnowledgeValidation.Problems(entry.Content.Tidied())
                .Select(problem => new ImportProblem(entry.Source, entry.LineOf(problem), problem)))
            .ToList();
        foreach (var repeated in entries.GroupBy(entry => entry.Content.Id.Trim(), StringComparer.Ordinal).Where(group => group.Count() > 1))
        {
            var first = repeated.First();
            problems.AddRange(repeated.Skip(1).Select(entry => new ImportProblem(entry.Source, entry.Line,
                $"id: '{repeated.Key}' is also given at {first.Source}:{first.Line}.")));
        }

        return problems;
    }

    private static IEnumerable<(string File, string Source)> Files(string path)
    {
        if (Directory.Exists(path))
        {
            return Directory.EnumerateFiles(path, "*.md", SearchOption.AllDirectories)
                .Where(file => !string.Equals(Path.GetFileName(file), "README.md", StringComparison.OrdinalIgnoreCase))
                .Order(StringComparer.Ordinal)
                .Select(file => (file, Path.GetRelativePath(path, file)));
        }

        return File.Exists(path) ? [(path, Path.GetFileName(path))] : throw new FileNotFoundException($"No file or folder at {path}.", path);
    }
}
