using System.CommandLine;
using Conversational.Cli.Commands;

// The command-line contract of DESIGN §15: results on stdout, diagnostics on stderr, exit code 0 only on success.
var root = new RootCommand("Conversational: talk to the customer-service bot and measure it on public data.")
{
    ChatCommand.Create(),
    NluCommand.Create(),
    KbCommand.Create(),
    MatchCommand.Create(),
    TestCommand.Create(),
};

// Ctrl+C cancels the token each action receives.
return await root.Parse(args).InvokeAsync();
