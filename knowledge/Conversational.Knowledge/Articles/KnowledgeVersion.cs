namespace Conversational.Knowledge.Articles;

/// <summary>One version in an entry's history (版本记录): who changed what, and when (in <see cref="KnowledgeEntry"/>).</summary>
/// <param name="ChangedFields">The fields that differ from the version before, by their JSON names; all of them for a creation.</param>
public sealed record KnowledgeVersion(KnowledgeChangeKind Kind, KnowledgeEntry Entry, IReadOnlyList<string> ChangedFields)
{
    private static readonly (string Field, Func<KnowledgeEntry, object?> Value)[] Fields =
    [
        ("kind", entry => entry.Content.Kind),
        ("title", entry => entry.Content.Title),
        ("questions", entry => string.Join('\n', entry.Content.Questions)),
        ("answer", entry => entry.Content.Answer),
        ("language", entry => entry.Content.Language),
        ("tags", entry => string.Join('\n', entry.Content.Tags)),
        ("channels", entry => string.Join('\n', entry.Content.Channels)),
        ("validFrom", entry => entry.Content.ValidFrom),
        ("validUntil", entry => entry.Content.ValidUntil),
        ("owner", entry => entry.Content.Owner),
        ("status", entry => entry.Status),
    ];

    /// <summary>The history from the versions oldest first, returned newest first, each with what it changed.</summary>
    public static IReadOnlyList<KnowledgeVersion> History(IReadOnlyList<(KnowledgeChangeKind Kind, KnowledgeEntry Entry)> versions)
    {
        ArgumentNullException.ThrowIfNull(versions);
        var history = new List<KnowledgeVersion>(versions.Count);
        KnowledgeEntry? before = null;
        foreach (var (kind, entry) in versions)
        {
            var changed = Fields.Where(field => before is null || !Equals(field.Value(before), field.Value(entry))).Select(field => field.Field);
            history.Add(new KnowledgeVersion(kind, entry, [.. changed]));
            before = entry;
        }

        history.Reverse();
        return history;
    }
}
