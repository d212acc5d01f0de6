// Benchmarks for DESIGN.md §16. A deliberately plain command line (no System.CommandLine): see README.md.
//   turn [--store sqlite|postgres]
//   assignment [--store sqlite|postgres]
//   pricing
//   knowledge [--data DIR]
//   desk [--hosts 1|2] [--chats 10] [--seconds 20] [--warmup 5]
//   copilot [--hosts 1|2] [--chats 10] [--seconds 20] [--warmup 5]
//   http --store sqlite|postgres [--conversations 100] [--seconds 20] [--warmup 5] [--visitors N]
//        [--turns-per-conversation 20] [--latencies FILE] [--url http://127.0.0.1:PORT]
using System.Globalization;
using System.Reflection;
using Conversational.Benchmarks;

const string Usage = """
    usage:
      dotnet run -c Release --project tests/Conversational.Benchmarks -- turn [--store sqlite|postgres]
      dotnet run -c Release --project tests/Conversational.Benchmarks -- assignment [--store sqlite|postgres]
      dotnet run -c Release --project tests/Conversational.Benchmarks -- pricing
      dotnet run -c Release --project tests/Conversational.Benchmarks -- knowledge [--data DIR]
      dotnet run -c Release --project tests/Conversational.Benchmarks -- http --store sqlite|postgres
          [--conversations 100] [--seconds 20] [--warmup 5] [--visitors N]
          [--turns-per-conversation 20] [--latencies FILE] [--url http://127.0.0.1:PORT]
      dotnet run -c Release --project tests/Conversational.Benchmarks -- directline [--store sqlite|postgres]
          [--conversations 200] [--seconds 60] [--warmup 5] [--url http://127.0.0.1:PORT --secret S]
      dotnet run -c Release --project tests/Conversational.Benchmarks -- desk [--hosts 1|2] [--chats 10] [--seconds 20] [--warmup 5]
      dotnet run -c Release --project tests/Conversational.Benchmarks -- copilot [--hosts 1|2] [--chats 10] [--seconds 20] [--warmup 5]
    """;

if (args.Length == 0 || args[0] is "-h" or "--help" or "help")
{
    Console.Error.WriteLine(Usage);
    return args.Length == 0 ? 2 : 0;
}

var debugBuild = typeof(Program).Assembly.GetCustomAttribute<System.Diagnostics.DebuggableAttribute>()?.IsJITOptimizerDisabled ?? false;
if (debugBuild)
{
    Console.Error.WriteLine("Build and run the benchmarks with -c Release (this is a Debug build; its figures would mean nothing).");
    return 2;
}

Dictionary<string, string> options;
try
{
    options = ParseOptions(args.AsSpan(1));
}
catch (ArgumentException exception)
{
    Console.Error.WriteLine(exception.Message);
    Console.Error.WriteLine(Usage);
    return 2;
}

string? store = options.GetValueOrDefault("store");
if (store is not (null or "sqlite" or "postgres"))
{
    Console.Error.WriteLine($"--store must be sqlite or postgres, not '{store}'.");
    return 2;
}

switch (args[0])
{
    case "turn":
        return TurnBenchmarkRunner.Run(store is null ? ["sqlite", "postgres"] : [store]);

    case "assignment":
        return await AssignmentThroughput.RunAsync(store is null ? ["sqlite", "postgres"] : [store]);

    case "pricing":
        if (options.Count > 0)
        {
            Console.Error.WriteLine("pricing takes no options.");
            return 2;
        }

        return PricingBenchmarkRunner.Run();

    case "knowledge":
        if (options.Keys.Any(key => key != "data"))
        {
            Console.Error.WriteLine("knowledge takes only --data DIR.");
            return 2;
        }

        if (options.TryGetValue("data", out var data))
        {
            KnowledgeBenchmarkData.Directory = Path.GetFullPath(data);
        }

        return KnowledgeBenchmarkRunner.Run();

    case "http":
        if (store is null)
        {
            Console.Error.WriteLine("http needs --store sqlite|postgres.");
            return 2;
        }

        HttpLoadOptions load;
        try
        {
            var conversations = Int(options, "conversations", 100);
            load = new HttpLoadOptions(
                store,
                conversations,
                Int(options, "seconds", 20),
                Int(options, "warmup", 5, min: 0),
                Int(options, "visitors", conversations),
                Int(options, "turns-per-conversation", 20, min: 0),
                options.GetValueOrDefault("latencies"),
                options.TryGetValue("url", out var url) ? LoopbackUrl(url) : null);
        }
        catch (ArgumentException exception)
        {
            Console.Error.WriteLine(exception.Message);
            return 2;
        }

        return await HttpLoad.RunAsync(load);

    case "directline":
        DirectLineLoadOptions directLine;
        try
        {
            directLine = new DirectLineLoadOptions(
                store ?? "sqlite",
                Int(options, "conversations", 200),
                Int(options, "seconds", 60),
                Int(options, "warmup", 5, min: 0),
                options.TryGetValue("url", out var hostUrl) ? LoopbackUrl(hostUrl) : null,
                // A started host gets this run's own secret; one started by hand needs its own.
                options.GetValueOrDefault("secret") ?? "load-" + Guid.NewGuid().ToString("N"));
        }
        catch (ArgumentException exception)
        {
            Console.Error.WriteLine(exception.Message);
            return 2;
        }

        return await DirectLineLoad.RunAsync(directLine);

    case "desk" or "copilot":
        DeskLatencyOptions desk;
        try
        {
            desk = new DeskLatencyOptions(Int(options, "hosts", 1) is var hosts and (1 or 2) ? hosts
                    : throw new ArgumentException("--hosts must be 1 or 2.", nameof(args)),
                Int(options, "chats", 10), Int(options, "seconds", 20), Int(options, "warmup", 5, min: 0), Copilot: args[0] == "copilot");
        }
        catch (ArgumentException exception)
        {
            Console.Error.WriteLine(exception.Message);
            return 2;
        }

        return await DeskLatency.RunAsync(desk);

    default:
        Console.Error.WriteLine($"Unknown command '{args[0]}'.");
        Console.Error.WriteLine(Usage);
        return 2;
}

static Dictionary<string, string> ParseOptions(ReadOnlySpan<string> arguments)
{
    var options = new Dictionary<string, string>(StringComparer.Ordinal);
    for (var i = 0; i < arguments.Length; i++)
    {
        if (!arguments[i].StartsWith("--", StringComparison.Ordinal) || i + 1 >= arguments.Length)
        {
            throw new ArgumentException($"Expected '--name value', got '{arguments[i]}'.");
        }

        options[arguments[i][2..]] = arguments[++i];
    }

    return options;
}

static Uri LoopbackUrl(string text) =>
    Uri.TryCreate(text, UriKind.Absolute, out var url) && url.IsLoopback && url.Scheme == Uri.UriSchemeHttp
        ? url
        : throw new ArgumentException($"--url must be an http:// address on loopback, not '{text}'.", nameof(text));

static int Int(Dictionary<string, string> options, string name, int fallback, int min = 1)
{
    if (!options.TryGetValue(name, out var text))
    {
        return fallback;
    }

    return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= min
        ? value
        : throw new ArgumentException($"--{name} must be a whole number ≥ {min}, not '{text}'.", nameof(options));
}
