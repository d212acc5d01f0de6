namespace Conversational.Handoff.Copilot;

public static class ScriptVariables
{
    public static IReadOnlyList<string> Names(string template) => throw new NotImplementedException();

    public static string Fill(string template, IReadOnlyDictionary<string, string> values) => throw new NotImplementedException();
}
