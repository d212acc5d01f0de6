namespace Conversational.Handoff.Copilot;

/// <summary>One message the agent sent, by its sequence number in the conversation.</summary>
public sealed record AgentMessage(long Seq, string Text);

/// <summary>A disclosure of the checklist: ticked once an agent message said it, and which one.</summary>
public sealed record ChecklistItem(DisclosureRule Rule, bool Ticked, long? TickedBySeq);

/// <summary>The mandatory-disclosures checklist (必说事项): ticks itself from the agent's own words.</summary>
public static class DisclosureChecklist
{
    /// <summary>
    /// One item per rule, in the rules' order; a rule is ticked by the earliest agent message (by sequence number)
    /// whose text covers its concepts (<see cref="ConceptMatcher.Covers"/>). The caller passes the rules of the
    /// conversation's business and language, retired ones left out.
    /// </summary>
    public static IReadOnlyList<ChecklistItem> Evaluate(IReadOnlyList<DisclosureRule> rules, IReadOnlyList<AgentMessage> agentMessages)
    {
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentNullException.ThrowIfNull(agentMessages);
        // Each text is normalized once, not once per rule: the checklist is recomputed on every message of the chat.
        var inOrder = agentMessages.OrderBy(message => message.Seq).Select(message => (message.Seq, Text: ConceptMatcher.Normalize(message.Text))).ToList();
        return
        [
            .. rules.Select(rule => ConceptMatcher.NormalizeConcepts(rule.Concepts) is var concepts
                && inOrder.FirstOrDefault(message => ConceptMatcher.CoversNormalized(concepts, message.Text)) is { Text: not null } saying
                    ? new ChecklistItem(rule, Ticked: true, saying.Seq)
                    : new ChecklistItem(rule, Ticked: false, null)),
        ];
    }
}
