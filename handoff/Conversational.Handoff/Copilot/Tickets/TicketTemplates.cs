namespace Conversational.Handoff.Copilot;

public sealed record TicketTemplate(string Business, string Kind, IReadOnlyList<string> Fields, string TitleZh, string TitleEn);

public static class TicketTemplates
{
    public static TicketTemplate For(string business) => throw new NotImplementedException();
}
