namespace Conversational.Handoff.Copilot;

public static class ConceptMatcher
{
    public static string Normalize(string text) => throw new NotImplementedException();

    public static bool Covers(IReadOnlyList<IReadOnlyList<string>> concepts, string text) => throw new NotImplementedException();
}
