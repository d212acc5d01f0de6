namespace Conversational.Knowledge.Articles;

/// <summary>
/// An entry's content as a JSON object (an import file's element, an API request's body), with camelCase field names.
/// Every field may be missing, so validation can name what is missing; <c>kind</c> defaults to <c>faq</c> and the
/// lists to empty.
/// </summary>
public sealed record KnowledgeContentDocument
{
    public string? Id { get; init; }

    public KnowledgeKind Kind { get; init; } = KnowledgeKind.Faq;

    public string? Title { get; init; }

    public IReadOnlyList<string>? Questions { get; init; }

    public string? Answer { get; init; }

    public string? Language { get; init; }

    public IReadOnlyList<string>? Tags { get; init; }

    public IReadOnlyList<string>? Channels { get; init; }

    public DateTimeOffset? ValidFrom { get; init; }

    public DateTimeOffset? ValidUntil { get; init; }

    public string? Owner { get; init; }

    // A JSON null inside a list is dropped here rather than failing later in a trim.
    public KnowledgeContent ToContent() => new(Id ?? "", Kind, Title ?? "", Listed(Questions), Answer ?? "", Language ?? "",
        Listed(Tags), Listed(Channels), ValidFrom, ValidUntil, Owner ?? "");

    public static KnowledgeContentDocument From(KnowledgeContent content)
    {
        ArgumentNullException.ThrowIfNull(content);
        return new()
        {
            Id = content.Id, Kind = content.Kind, Title = content.Title, Questions = content.Questions, Answer = content.Answer,
            Language = content.Language, Tags = content.Tags, Channels = content.Channels, ValidFrom = content.ValidFrom,
            ValidUntil = content.ValidUntil, Owner = content.Owner,
        };
    }

    private static string[] Listed(IReadOnlyList<string>? values) => [.. (values ?? []).OfType<string>()];
}
