using Conversational.Knowledge.Answering;
using Conversational.Skills.Dialogs;

namespace Conversational.Bots.Policies;

/// <summary>
/// What the policy decided to do next in a turn. Deciding is separate from doing: the policy only returns these,
/// the <see cref="DecisionExecutor"/> acts on them. Skills and knowledge add their decisions as they land.
/// </summary>
public abstract record Decision;

/// <summary>Say one of the bot's messages, with quick replies if given.</summary>
public sealed record ReplyDecision(string Text, IReadOnlyList<string>? QuickReplies = null) : Decision;

/// <summary>Answer from the knowledge base (知识库) with the entry's answer and its citation.</summary>
public sealed record KnowledgeAnswerDecision(KnowledgeAnswer Answer) : Decision;

/// <summary>The bot did not understand: ask which of the offered options the customer means.</summary>
public sealed record ClarifyDecision(IReadOnlyList<string> Options) : Decision;

/// <summary>A human should take over, for <see cref="Reason"/>, carrying the skill dialog the customer was in.</summary>
public sealed record HandOffDecision(string Reason, DialogSnapshot? Dialog = null) : Decision;

/// <summary>The turn is done; wait for the customer.</summary>
public sealed record ListenDecision : Decision
{
    public static ListenDecision Instance { get; } = new();
}
