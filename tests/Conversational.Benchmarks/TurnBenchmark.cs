using System.Globalization;
using BenchmarkDotNet.Attributes;
using Conversational.Bots.Activities;
using Conversational.Bots.Customers;
using Conversational.Bots.Turns;
using Conversational.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Conversational.Benchmarks;

/// <summary>
/// One bot turn in process, as the app channel runs it: <see cref="ConversationRuntime.ProcessAsync"/> of "你好" with a
/// client message id, i.e. turn lock, dedupe lookup, append of the customer's message, understanding, policy, append of
/// the bot's events and the read-back of the turn. Each invocation is one turn (see <see cref="TurnBenchmarkConfig"/>),
/// so the percentiles are per turn. Every <see cref="TurnsPerConversation"/> turns the next turn goes to a fresh
/// conversation, started outside the measurement, so history stays at 1–20 turns as in a real chat.
/// </summary>
[Config(typeof(TurnBenchmarkConfig))]
public class TurnBenchmark
{
    public const int TurnsPerConversation = 20;
    private const string CustomerId = "bench-customer";

    private IHost? _host;
    private ConversationRuntime? _runtime;
    private PostgresServer? _postgres;
    private string? _directory;
    private string _conversationId = "";
    private int _turnsInConversation = TurnsPerConversation;
    private long _messages;

    /// <summary>Which stores to run; the command line narrows it with <c>--store</c> (the benchmark runs in this process).</summary>
    public static IReadOnlyList<string> Stores { get; set; } = ["sqlite", "postgres"];

    public static IEnumerable<string> StoreValues => Stores;

    [ParamsSource(nameof(StoreValues))]
    public string Store { get; set; } = "sqlite";

    [GlobalSetup]
    public void Setup() => SetupAsync().GetAwaiter().GetResult();

    [GlobalCleanup]
    public void Cleanup() => CleanupAsync().GetAwaiter().GetResult();

    [IterationSetup]
    public void NextConversationWhenDue()
    {
        if (_turnsInConversation < TurnsPerConversation)
        {
            return;
        }

        _conversationId = _runtime!.StartAsync(CustomerId, "app", "zh-CN", CancellationToken.None).GetAwaiter().GetResult().ConversationId;
        _turnsInConversation = 0;
    }

    [Benchmark(Description = "ProcessAsync(\"你好\")")]
    public async Task<TurnResult> Turn()
    {
        _turnsInConversation++;
        var activity = new Activity
        {
            Type = ActivityTypes.Message,
            ChannelId = "app",
            From = new ChannelAccount(CustomerId, Role: RoleTypes.User),
            Recipient = new ChannelAccount("bot", Role: RoleTypes.Bot),
            Conversation = new ConversationAccount(_conversationId),
            Text = "你好",
            Locale = "zh-CN",
        };
        var clientMessageId = "m" + (++_messages).ToString(CultureInfo.InvariantCulture);
        return await _runtime!.ProcessAsync(_conversationId, activity, clientMessageId, CancellationToken.None);
    }

    private async Task SetupAsync()
    {
        _directory = Directory.CreateTempSubdirectory("conversational-bench.").FullName;
        var settings = new Dictionary<string, string?>
        {
            ["Storage:SeedDemoData"] = "false",
        };
        if (Store == "postgres")
        {
            _postgres = await PostgresServer.StartAsync();
            settings["Storage:Provider"] = "PostgreSql";
            settings["Storage:PostgreSqlConnectionString"] = await _postgres.CreateDatabaseAsync("bench");
        }
        else
        {
            settings["Storage:Provider"] = "Sqlite";
            settings["Storage:SqlitePath"] = Path.Combine(_directory, "bench.db");
        }

        // As the CLI builds it (CliHost): no default sources, warnings only, so the turn pays what it pays in the host.
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true, ContentRootPath = _directory });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.AddBots();
        _host = builder.Build();
        await _host.StartAsync(); // migrates the schema (DatabaseInitializer)

        var customers = _host.Services.GetRequiredService<ICustomerDirectory>();
        await customers.AddIfMissingAsync(new CustomerProfile(CustomerId, "访客", "visitor", 0, null, null, ["visitor"]), CancellationToken.None);
        _runtime = _host.Services.GetRequiredService<ConversationRuntime>();
        _turnsInConversation = TurnsPerConversation;
    }

    private async Task CleanupAsync()
    {
        if (_host is not null)
        {
            await _host.StopAsync();
            _host.Dispose();
            _host = null;
        }

        if (_postgres is not null)
        {
            await _postgres.DisposeAsync();
            _postgres = null;
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (_directory is not null)
        {
            Directory.Delete(_directory, recursive: true);
            _directory = null;
        }
    }
}
