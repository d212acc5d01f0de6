namespace Conversational.Knowledge.Unanswered;

/// <summary>Open questions that ask much the same thing (相似问题簇), as the trainer console shows them.</summary>
/// <param name="Id">The id of its first question; stays the same as later questions join.</param>
/// <param name="Count">Open questions in it.</param>
/// <param name="SuggestedTitle">Its most typical question (closest to the others), a starting point for a FAQ title.</param>
/// <param name="Examples">Up to five different wordings, the typical one first, then the newest.</param>
/// <param name="Questions">Every distinct wording, oldest first (what a FAQ entry or intent examples are made of).</param>
/// <param name="TopIntent">The intent the model gave most of its questions.</param>
/// <param name="QuestionIds">The open questions it holds, resolved together.</param>
public sealed record QuestionCluster(
    long Id,
    string Language,
    int Count,
    DateTimeOffset FirstSeen,
    DateTimeOffset LastSeen,
    string SuggestedTitle,
    IReadOnlyList<string> Examples,
    IReadOnlyList<string> Questions,
    string TopIntent,
    IReadOnlyList<long> QuestionIds);
