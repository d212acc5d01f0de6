using Conversational.Bots.Conversations;
using Conversational.Bots.Customers;
using Conversational.Handoff.Agents;
using Conversational.Handoff.Copilot;
using Conversational.Knowledge.Understanding;

namespace Conversational.Bots.Copilot;

/// <summary>Everything one copilot computation reads, read once: the log, the customer, the catalogue version, the business.</summary>
/// <param name="Intent">The intent of the customer's last message (the bot's, else the understanding's), or null.</param>
/// <param name="Language"><c>zh-CN</c> or <c>en</c>, from the conversation's locale.</param>
public sealed record CopilotInputs(
    ConversationRecord Conversation,
    IReadOnlyList<StoredEvent> Events,
    ConversationFacts Facts,
    CustomerProfile Profile,
    CopilotCatalog Catalog,
    string? Intent,
    string Business,
    string Language,
    IReadOnlyDictionary<string, string> Variables);

/// <summary>Reads <see cref="CopilotInputs"/> for a conversation.</summary>
public sealed class CopilotInputsReader(IConversationStore store, ICustomerDirectory customers, SqlCopilotCatalogStore catalogs,
    IUnderstanding understanding, AgentRoster roster)
{
    /// <returns>Null when there is no such conversation.</returns>
    public async Task<CopilotInputs?> ReadAsync(string conversationId, CancellationToken cancellationToken)
    {
        if (await store.FindAsync(conversationId, cancellationToken) is not { } conversation)
        {
            return null;
        }

        var events = await store.ReadAsync(conversationId, 0, cancellationToken);
        var facts = ConversationFacts.Read(conversationId, events);
        var profile = await customers.FindAsync(conversation.CustomerId, cancellationToken)
            ?? new CustomerProfile(conversation.CustomerId, "", CustomerTags.Visitor, 0, null, null, []);
        // While an agent owns the chat the bot does not run, so nobody recognized the customer's last message yet.
        var intent = facts.LastCustomerIntent ?? (facts.LastCustomerText is { } text
            ? (await understanding.UnderstandAsync(text, cancellationToken)).Intent
            : null);
        var agentName = facts.AgentId is { } agentId ? (await roster.FindAsync(agentId, cancellationToken))?.Profile.DisplayName : null;
        var catalog = (await catalogs.CurrentAsync(cancellationToken)).Catalog;
        var language = facts.State.Locale.StartsWith("en", StringComparison.OrdinalIgnoreCase) ? TextLanguage.English : TextLanguage.Chinese;
        return new CopilotInputs(conversation, events, facts, profile, catalog, intent, facts.Business(intent), language,
            CopilotVariables.From(facts.Dialog, profile, agentName));
    }
}
