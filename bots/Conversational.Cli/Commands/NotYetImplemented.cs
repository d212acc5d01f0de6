namespace Conversational.Cli.Commands;

/// <summary>
/// What a command of the contract does until its issue lands: it checks its inputs, then says it cannot run yet and
/// fails, so no script mistakes an empty or made-up stdout for a result.
/// </summary>
internal static class NotYetImplemented
{
    public const int ExitCode = 2;

    /// <param name="command">The command as typed, e.g. <c>nlu eval</c>.</param>
    /// <param name="issue">The work that brings it, e.g. <c>understanding</c>.</param>
    public static int Run(string command, string issue, params FileSystemInfo[] inputs)
    {
        if (!InputFiles.Exist(inputs))
        {
            return InputFiles.MissingExitCode;
        }

        Console.Error.WriteLine($"{command} is not implemented yet (it arrives with the {issue} issue).");
        return ExitCode;
    }
}
