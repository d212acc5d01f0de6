using System.Text.Json.Serialization;
using Conversational.Bots.Handoff;
using Conversational.Handoff.Copilot;

namespace Conversational.Bots.Copilot;

/// <summary>
/// What the copilot (坐席助手) shows the agent beside one chat, as of the event <paramref name="ComputedAtSeq"/>: suggested
/// replies, the mandatory-disclosure checklist (必须告知), the service-sales shelf (服销货架) and a ticket draft (工单助手).
/// </summary>
/// <param name="Business">The business (业务) the chat is about: a <c>CopilotBusinesses</c> id.</param>
/// <param name="Intent">The intent of the customer's last message, or null before the customer wrote.</param>
/// <param name="Language"><c>zh-CN</c> or <c>en</c>: scripts, disclosures and offers are in it.</param>
/// <param name="OffersBlockedBy">The compliance rule that empties the shelf (<c>opted_out</c>, <c>open_complaint</c>,
/// <c>negative_emotion</c>), or null.</param>
/// <param name="LlmEnabled">Whether a language model can draft replies and summaries (<c>/copilot/draft-reply</c>).</param>
public sealed record CopilotView(
    string ConversationId,
    string Business,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] string? Intent,
    string Language,
    long ComputedAtSeq,
    CopilotLayer Layer,
    IReadOnlyList<CopilotSuggestion> Suggestions,
    IReadOnlyList<CopilotDisclosure> Disclosures,
    IReadOnlyList<CopilotOffer> Offers,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] string? OffersBlockedBy,
    TicketDraft TicketDraft,
    bool LlmEnabled);

/// <summary>
/// The customer's layer (客户分层) with its score and the reasons that made it: <c>{ code, points, value }</c> with a
/// <c>LayerReasons</c> code, worded by the desk in the agent's language.
/// </summary>
public sealed record CopilotLayer(string Name, int Score, IReadOnlyList<ScoreReason> Reasons);

/// <summary>
/// A reply the agent may insert (and edit) or dismiss: a script from the library with its variables filled, or a knowledge
/// answer with its citation. <paramref name="Id"/> stays the same for the same content (<c>script:&lt;id&gt;</c>,
/// <c>kb:&lt;entryId&gt;</c>), so feedback on it is counted together.
/// </summary>
/// <param name="Kind"><c>script</c> or <c>knowledge</c>.</param>
/// <param name="Score">0–1 for both kinds, so they interleave.</param>
/// <param name="MissingVariables">Variables left as <c>{name}</c> for the agent to complete.</param>
public sealed record CopilotSuggestion(string Id, string Kind, string Title, string Text, double Score, IReadOnlyList<string> MissingVariables,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] CopilotCitation? Citation);

/// <summary>The knowledge entry a knowledge suggestion comes from.</summary>
public sealed record CopilotCitation(string EntryId, string Title);

/// <summary>One line of the checklist: ticked by the agent message <paramref name="TickedBySeq"/> that said it.</summary>
public sealed record CopilotDisclosure(string Id, string Title, string Wording, bool Mandatory, bool Ticked,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] long? TickedBySeq);

/// <summary>
/// An offer on the shelf with the pitch for the moment. <paramref name="Ready"/>: the customer's problem is solved, so it may
/// be pitched now; <paramref name="Pitched"/> and <paramref name="Response"/> are what opening detection (启齿率) saw.
/// </summary>
/// <param name="Reasons">Why it is on the shelf, <c>{ code, points, value }</c> with a <c>ShelfReasons</c> code; none
/// for an offer pitched here that the shelf no longer lists.</param>
/// <param name="Response"><c>no_answer</c>, <c>accepted</c>, <c>declined</c>, or null when not pitched.</param>
public sealed record CopilotOffer(string OfferId, string Name, string Category, string ScriptId, string Pitch, bool Ready,
    IReadOnlyList<ScoreReason> Reasons, bool Pitched, [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] string? Response);
