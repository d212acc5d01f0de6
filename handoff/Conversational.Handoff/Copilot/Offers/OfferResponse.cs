namespace Conversational.Handoff.Copilot;

/// <summary>How the customer answered a pitch: 接受, 拒绝, or nothing yet.</summary>
public enum OfferResponse
{
    NoAnswer,
    Accepted,
    Declined,
}
