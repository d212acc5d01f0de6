namespace Conversational.Handoff.Copilot;

public sealed record AgentMessage(long Seq, string Text);

public sealed record ChecklistItem(DisclosureRule Rule, bool Ticked, long? TickedBySeq);

public static class DisclosureChecklist
{
    public static IReadOnlyList<ChecklistItem> Evaluate(IReadOnlyList<DisclosureRule> rules, IReadOnlyList<AgentMessage> agentMessages) =>
        throw new NotImplementedException();
}
