namespace Conversational.Knowledge.Articles;

/// <summary>
/// What a trainer writes for one knowledge entry (知识条目), everything but its version and status. Two contents are
/// equal when every field is, lists element by element, which is how an import knows that nothing changed.
/// </summary>
/// <param name="Id">Stable id chosen by the author (<c>returns-window</c>), the key imports match on.</param>
/// <param name="Questions">The ways customers ask it (问法); at least one for a FAQ.</param>
/// <param name="Answer">Markdown.</param>
/// <param name="Language"><c>zh-CN</c> or <c>en</c> (<see cref="KnowledgeLanguages"/>).</param>
/// <param name="Tags">Business tags (业务标签) such as <c>returns</c>, <c>installments</c>.</param>
/// <param name="Channels">The channels it may be answered on (<c>app</c>, <c>wechat</c>…); empty means every channel.</param>
/// <param name="ValidFrom">First instant it may be answered; null: already.</param>
/// <param name="ValidUntil">First instant it may no longer be answered (exclusive); null: no end.</param>
/// <param name="Owner">Who answers for its content (a team or person).</param>
public sealed record KnowledgeContent(
    string Id,
    KnowledgeKind Kind,
    string Title,
    IReadOnlyList<string> Questions,
    string Answer,
    string Language,
    IReadOnlyList<string> Tags,
    IReadOnlyList<string> Channels,
    DateTimeOffset? ValidFrom,
    DateTimeOffset? ValidUntil,
    string Owner)
{
    /// <summary>
    /// The same content with the noise of files and forms removed: surrounding spaces, Windows line breaks, trailing
    /// blank lines, so a file saved on another system is not a change.
    /// </summary>
    public KnowledgeContent Tidied() => this with
    {
        Id = Id.Trim(),
        Title = Title.Trim(),
        Questions = [.. Questions.Select(question => question.Trim()).Where(question => question.Length > 0)],
        Answer = Answer.Replace("\r\n", "\n", StringComparison.Ordinal).Trim(),
        Language = KnowledgeLanguages.Canonical(Language.Trim()),
        Tags = [.. Tags.Select(tag => tag.Trim()).Where(tag => tag.Length > 0)],
        Channels = [.. Channels.Select(channel => channel.Trim()).Where(channel => channel.Length > 0)],
        Owner = Owner.Trim(),
    };

    public bool Equals(KnowledgeContent? other) =>
        other is not null &&
        Id == other.Id && Kind == other.Kind && Title == other.Title && Answer == other.Answer && Language == other.Language &&
        ValidFrom == other.ValidFrom && ValidUntil == other.ValidUntil && Owner == other.Owner &&
        Questions.SequenceEqual(other.Questions, StringComparer.Ordinal) &&
        Tags.SequenceEqual(other.Tags, StringComparer.Ordinal) &&
        Channels.SequenceEqual(other.Channels, StringComparer.Ordinal);

    public override int GetHashCode() => HashCode.Combine(Id, Kind, Title, Answer, Language, ValidFrom, ValidUntil, Owner);
}

/// <summary>The languages knowledge is written in.</summary>
public static class KnowledgeLanguages
{
    public const string Chinese = "zh-CN";
    public const string English = "en";

    public static IReadOnlyList<string> All { get; } = [Chinese, English];

    /// <summary>The language as spelled here (<c>zh-cn</c> → <c>zh-CN</c>); an unknown one is returned as given.</summary>
    public static string Canonical(string language) =>
        All.FirstOrDefault(known => string.Equals(known, language, StringComparison.OrdinalIgnoreCase)) ?? language;

    /// <summary>The knowledge language for a conversation's locale: English for <c>en</c>, <c>en-US</c>…, else Chinese.</summary>
    public static string ForLocale(string locale) =>
        locale.StartsWith("en", StringComparison.OrdinalIgnoreCase) ? English : Chinese;
}
