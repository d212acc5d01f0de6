using Conversational.Storage;

namespace Conversational.Handoff.Copilot;

/// <summary>
/// The 启齿率 log (migration area <c>copilot_offers</c>): one row per conversation and offer, from the moment the offer
/// was eligible there; pitch and answer fill in later. Times are Unix milliseconds, as in the other handoff tables.
/// </summary>
public static class OfferSchema
{
    public static readonly SchemaMigration V1 = new("copilot_offers", 1, "offer log: eligible, pitched, answered", _ => """
        CREATE TABLE copilot_offer_log (
            conversation_id TEXT NOT NULL,
            offer_id TEXT NOT NULL,
            customer_id TEXT NOT NULL,
            agent_id TEXT NOT NULL,
            eligible_at BIGINT NOT NULL,
            script_id TEXT NULL,
            pitched_at BIGINT NULL,
            response TEXT NULL,
            PRIMARY KEY (conversation_id, offer_id)
        );
        CREATE INDEX copilot_offer_log_customer ON copilot_offer_log (customer_id, pitched_at);
        CREATE INDEX copilot_offer_log_eligible ON copilot_offer_log (eligible_at);
        """);
}
