using Conversational.Knowledge.Articles;

namespace Conversational.Host.Knowledge;

/// <summary>The entries that pass the filter, and every business tag in use (for the console's tag filter).</summary>
public sealed record KnowledgeEntryList(IReadOnlyList<KnowledgeEntry> Entries, IReadOnlyList<string> Tags);

/// <summary>An edit: the new content, made from the version the trainer read.</summary>
/// <param name="Content">Its <c>id</c> may be left out; if given it must be the URL's.</param>
public sealed record KnowledgeEditRequest(int? ExpectedVersion, KnowledgeContentDocument? Content);

/// <summary>A retirement, from the version the trainer read.</summary>
public sealed record KnowledgeRetireRequest(int? ExpectedVersion);
