using Conversational.Knowledge.Articles;

namespace Conversational.Host.Knowledge;

/// <summary>The open clusters, largest first, and the intents the model knows (for the console's intent picker).</summary>
public sealed record UnansweredClusterList(IReadOnlyList<UnansweredClusterView> Clusters, IReadOnlyList<string> Intents);

/// <summary>A cluster as the console shows it; <c>id</c> names it in the actions below.</summary>
public sealed record UnansweredClusterView(long Id, string Language, int Count, DateTimeOffset FirstSeen, DateTimeOffset LastSeen,
    string SuggestedTitle, IReadOnlyList<string> Examples, IReadOnlyList<string> Questions, string TopIntent);

/// <summary>
/// A new FAQ entry from a cluster: <c>id</c>, <c>answer</c> and <c>owner</c> are the trainer's; the title defaults to the
/// cluster's suggestion and the questions to its wordings; the language is the cluster's.
/// </summary>
public sealed record UnansweredFaqRequest(string? Id, string? Title, string? Answer, string? Owner, IReadOnlyList<string>? Questions,
    IReadOnlyList<string>? Tags, IReadOnlyList<string>? Channels);

/// <summary>The intent whose examples a cluster's questions become.</summary>
public sealed record UnansweredIntentRequest(string? Intent);

/// <summary>What became of a cluster: its questions closed, and the entry made from it, if one was.</summary>
public sealed record UnansweredResolution(int Resolved, KnowledgeEntry? Entry = null, int? ExamplesAdded = null, string? ModelVersion = null);
