namespace Conversational.Cli.Commands;

/// <summary>Checks a command's input files up front, so a typo is reported before any slow work starts.</summary>
internal static class InputFiles
{
    public const int MissingExitCode = 1;

    /// <summary>Reports every input that does not exist on stderr.</summary>
    /// <returns>True if all exist.</returns>
    public static bool Exist(params FileSystemInfo[] inputs)
    {
        var missing = inputs.Where(input => !input.Exists).ToList();
        foreach (var input in missing)
        {
            var kind = input is DirectoryInfo ? "directory" : "file";
            Console.Error.WriteLine($"{kind} not found: {input}");
        }

        return missing.Count == 0;
    }
}
