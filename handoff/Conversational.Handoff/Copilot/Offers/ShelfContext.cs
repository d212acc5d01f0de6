namespace Conversational.Handoff.Copilot;

/// <summary>
/// The moment the shelf (服销货架) ranks offers for: the customer and their layer, the conversation's business and
/// language, what compliance must know, the pitches already made (from <see cref="OfferLog"/>) and the values to fill
/// pitch scripts with.
/// </summary>
/// <param name="Business">The current scenario, a <see cref="CopilotBusinesses"/> id.</param>
/// <param name="ComplaintOpen">The customer has a complaint in progress (投诉未结).</param>
/// <param name="StrongNegativeEmotion">Quality inspection flagged strong negative emotion in this conversation.</param>
/// <param name="ProblemResolved">The customer's problem is solved; offers are only pitched after that.</param>
/// <param name="PitchesLast30Days">Offer id → times pitched to this customer in the last 30 days.</param>
/// <param name="PitchesThisConversation">Offer id → times pitched in this conversation.</param>
public sealed record ShelfContext(CustomerActivity Customer, CustomerLayer Layer, string Business, string Language,
    bool ComplaintOpen, bool StrongNegativeEmotion, bool ProblemResolved,
    IReadOnlyDictionary<string, int> PitchesLast30Days,
    IReadOnlyDictionary<string, int> PitchesThisConversation,
    IReadOnlyDictionary<string, string> Variables);
