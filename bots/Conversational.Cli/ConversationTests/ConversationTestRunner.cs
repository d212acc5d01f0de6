using Conversational.Bots.Conversations;
using Conversational.Bots.Turns;
using Conversational.Knowledge.Answering;
using Conversational.Skills.Installments;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Conversational.Cli.ConversationTests;

/// <summary>What running one script showed.</summary>
/// <param name="Failures">Each unmet expectation, with the script line it comes from; empty when the script passed.</param>
/// <param name="Transcript">The conversation as it happened, for the report.</param>
internal sealed record ScriptResult(ConversationScript Script, IReadOnlyList<string> Failures, IReadOnlyList<string> Transcript)
{
    public bool Passed => Failures.Count == 0;
}

/// <summary>
/// Runs a conversation test file against the real bot: the same runtime, skills and seeded demo data as the product,
/// in a fresh SQLite store of its own, at the script's fixed time, so every file starts from the same world.
/// </summary>
internal static class ConversationTestRunner
{
    public static async Task<ScriptResult> RunAsync(ConversationScript script, CancellationToken cancellationToken)
    {
        var directory = Directory.CreateTempSubdirectory("conversational-test-");
        try
        {
            var clock = new ScenarioClock(script.Now);
            using var host = CliHost.Build(builder =>
            {
                builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
                {
                    ["Storage:Provider"] = "Sqlite",
                    ["Storage:SqlitePath"] = Path.Combine(directory.FullName, "test.db"),
                    ["Storage:SeedDemoData"] = "true",
                });
                builder.Services.AddSingleton<TimeProvider>(clock);
                builder.Services.AddSingleton<CapturedOneTimeCodes>();
                builder.Services.AddSingleton<IOneTimeCodeSender>(sp => sp.GetRequiredService<CapturedOneTimeCodes>());
            });
            await host.StartAsync(cancellationToken);
            try
            {
                var services = host.Services;
                // The bot trains its entry classifier in the background a moment after start; a script must not race it.
                await services.GetRequiredService<EntryClassifierTrainer>().RetrainAsync(cancellationToken);
                var channel = new RuntimeScriptChannel(services.GetRequiredService<ConversationRuntime>());
                return await new ConversationScriptRun(script, channel, ScriptAgents.From(services),
                    services.GetRequiredService<IConversationStore>(),
                    services.GetRequiredService<CapturedOneTimeCodes>(), clock).RunAsync(cancellationToken);
            }
            finally
            {
                await host.StopAsync(CancellationToken.None);
            }
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            directory.Delete(recursive: true);
        }
    }
}
