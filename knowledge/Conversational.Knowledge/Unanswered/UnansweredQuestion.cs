namespace Conversational.Knowledge.Unanswered;

/// <summary>
/// A customer question the bot did not answer (未解决问题), as the trainer loop keeps it: the text with personal data
/// masked, where and when it was asked, and how close the bot came.
/// </summary>
/// <param name="Id">Assigned by the store (0 before it is recorded); clusters are named by their first question's id.</param>
/// <param name="ActivityId">The customer message's server id: a question is recorded once per message.</param>
/// <param name="Text">The customer's words, <c>PiiMasker</c>-masked.</param>
/// <param name="Language">The knowledge language it was asked in (<c>zh-CN</c> or <c>en</c>).</param>
/// <param name="Intent">The intent model's top intent for it.</param>
/// <param name="IntentConfidence">That intent's probability (0–1).</param>
/// <param name="KnowledgeScore">The knowledge search's confidence for its best entry; null when the bot did not search.</param>
public sealed record UnansweredQuestion(
    long Id,
    string ConversationId,
    string ActivityId,
    string Text,
    string Language,
    string Channel,
    string Intent,
    double IntentConfidence,
    float? KnowledgeScore,
    UnansweredReason Reason,
    DateTimeOffset AskedAt);

/// <summary>How the turn ended without an answer.</summary>
public enum UnansweredReason
{
    /// <summary>The model could not place the message and the knowledge base had nothing it trusts: the bot clarified or offered a person.</summary>
    OutOfScope,

    /// <summary>An FAQ topic whose best knowledge entry was below the confidence floor: "cannot answer yet".</summary>
    BelowFloor,

    /// <summary>The bot handed the customer to a person because it could not answer.</summary>
    NoAnswerHandoff,
}
