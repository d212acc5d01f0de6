namespace Conversational.Cli.ConversationTests;

/// <summary>A conversation test file that cannot be read, with the place to fix it.</summary>
internal sealed class ConversationScriptException(string path, long line, string message)
    : Exception($"{path}:{line}: {message}")
{
    public string FilePath { get; } = path;

    public long FileLine { get; } = line;
}
