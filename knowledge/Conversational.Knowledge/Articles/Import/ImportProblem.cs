namespace Conversational.Knowledge.Articles.Import;

/// <summary>Why part of an import file cannot be imported, and where.</summary>
/// <param name="Source">The file, relative to what was imported.</param>
/// <param name="Line">1-based.</param>
public sealed record ImportProblem(string Source, int Line, string Reason)
{
    public override string ToString() => $"{Source}:{Line}: {Reason}";
}

/// <summary>An import was refused: nothing of it was imported.</summary>
public sealed class KnowledgeImportException(IReadOnlyList<ImportProblem> problems)
    : Exception(string.Join(Environment.NewLine, problems))
{
    public IReadOnlyList<ImportProblem> Problems { get; } = problems;

    public KnowledgeImportException(string source, int line, string reason) : this([new ImportProblem(source, line, reason)])
    {
    }
}

/// <summary>An entry read from a file, with where it and (when the format tells) each of its fields are.</summary>
internal sealed record SourcedContent(KnowledgeContent Content, string Source, int Line, IReadOnlyDictionary<string, int> FieldLines)
{
    /// <summary>The line of a validation problem, which names its field first (<c>title: …</c>).</summary>
    public int LineOf(string problem) =>
        FieldLines.TryGetValue(problem[..Math.Max(0, problem.IndexOf(':', StringComparison.Ordinal))], out var line) ? line : Line;
}
