namespace Conversational.Knowledge.Articles;

/// <summary>An entry as stored: its content at <paramref name="Version"/>, and who made that version when.</summary>
/// <param name="Version">1 when created, one more for every change (edit or retirement).</param>
public sealed record KnowledgeEntry(KnowledgeContent Content, int Version, KnowledgeStatus Status, DateTimeOffset ChangedAt, string ChangedBy)
{
    public string Id => Content.Id;

    /// <summary>
    /// Whether the bot may answer with this entry now, in this language, on this channel: active, inside its validity
    /// window (from inclusive, until exclusive), and either open to every channel or to this one.
    /// </summary>
    public bool IsAnswerable(DateTimeOffset now, string language, string channel) =>
        Status == KnowledgeStatus.Active &&
        (Content.ValidFrom is not { } from || from <= now) &&
        (Content.ValidUntil is not { } until || now < until) &&
        string.Equals(Content.Language, language, StringComparison.OrdinalIgnoreCase) &&
        (Content.Channels.Count == 0 || Content.Channels.Contains(channel, StringComparer.OrdinalIgnoreCase));
}
