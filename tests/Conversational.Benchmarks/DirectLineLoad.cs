using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Conversational.Testing;

namespace Conversational.Benchmarks;

/// <param name="Url">A host already running (loopback); then <paramref name="Secret"/> must be one it has.</param>
public sealed record DirectLineLoadOptions(string Store, int Conversations, int Seconds, int WarmupSeconds, Uri? Url, string Secret);

/// <summary>
/// The <c>directline</c> command: N Direct Line conversations, each with its WebSocket open for the whole run and a loop
/// that sends "你好" and waits until the bot's reply arrives on the socket. At the end every conversation's log is read
/// back and compared with what its socket delivered: nothing may be lost or repeated. Prints one JSON object on stdout.
/// </summary>
public static class DirectLineLoad
{
    private static readonly TimeSpan ReplyTimeout = TimeSpan.FromSeconds(30);

    public static async Task<int> RunAsync(DirectLineLoadOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var scratch = Directory.CreateTempSubdirectory("conversational-directline-load.").FullName;
        PostgresServer? postgres = null;
        try
        {
            HostProcess? host = null;
            if (options.Url is null)
            {
                (host, postgres) = await LoadRun.StartHostAsync(options.Store, scratch, new Dictionary<string, string>
                {
                    ["DirectLine__Secrets__0"] = options.Secret,
                    // A load run sends far more than the 60 messages a minute one conversation may send by default.
                    ["DirectLine__MessagesPerMinutePerConversation"] = "1000000",
                    ["Logging__LogLevel__Default"] = "Warning",
                });
            }

            await using var stopHost = host;
            var baseAddress = options.Url ?? host!.BaseAddress;
            LoadRun.Progress($"host listening on {baseAddress}");
            using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = options.Conversations + 64, UseCookies = false };
            using var client = new HttpClient(handler) { BaseAddress = baseAddress, Timeout = ReplyTimeout };

            var counters = new DirectLineLoadCounters();
            LoadRun.Progress($"opening {options.Conversations} conversations and their sockets");
            var conversations = new DirectLineLoadConversation[options.Conversations];
            await Parallel.ForEachAsync(Enumerable.Range(0, options.Conversations), new ParallelOptions { MaxDegreeOfParallelism = 8 },
                async (i, cancellationToken) =>
                {
                    conversations[i] = await DirectLineLoadConversation.OpenAsync(client, options.Secret, counters, cancellationToken);
                    await conversations[i].Greeted.WaitAsync(ReplyTimeout, cancellationToken);
                });

            try
            {
                if (options.WarmupSeconds > 0)
                {
                    var warmup = await RunPhaseAsync(client, conversations, TimeSpan.FromSeconds(options.WarmupSeconds), "warmup");
                    LoadRun.Progress($"warmup: {warmup.Turns} turns, {warmup.Errors} errors");
                }

                var deliveredBefore = Interlocked.Read(ref counters.Delivered);
                var typingBefore = Interlocked.Read(ref counters.Typing);
                var result = await RunPhaseAsync(client, conversations, TimeSpan.FromSeconds(options.Seconds), "measure");
                var delivered = Interlocked.Read(ref counters.Delivered) - deliveredBefore;
                var typing = Interlocked.Read(ref counters.Typing) - typingBefore;
                Array.Sort(result.Latencies);

                // Whatever is still on its way arrives within this; then the sockets are compared with the logs.
                await Task.Delay(TimeSpan.FromSeconds(2));
                var (lost, unknown) = await CompareWithLogsAsync(client, options.Secret, conversations);
                var report = new Dictionary<string, object>
                {
                    ["store"] = options.Store,
                    ["conversations"] = options.Conversations,
                    ["seconds"] = options.Seconds,
                    ["turns"] = result.Turns,
                    ["turns_per_second"] = Math.Round(result.Turns / result.Elapsed.TotalSeconds, 1),
                    ["activities"] = delivered,
                    ["activities_per_second"] = Math.Round(delivered / result.Elapsed.TotalSeconds, 1),
                    ["typing"] = typing,
                    ["p50_ms"] = Math.Round(LoadRun.Percentile(result.Latencies, 50), 2),
                    ["p99_ms"] = Math.Round(LoadRun.Percentile(result.Latencies, 99), 2),
                    ["max_ms"] = Math.Round(result.Latencies.Length == 0 ? 0 : result.Latencies[^1], 2),
                    ["lost"] = lost,
                    ["duplicated"] = Interlocked.Read(ref counters.Duplicated),
                    ["unknown"] = unknown,
                    ["errors"] = result.Errors,
                };
                Console.Out.WriteLine(JsonSerializer.Serialize(report));
                return lost == 0 && unknown == 0 && counters.Duplicated == 0 ? 0 : 1;
            }
            finally
            {
                foreach (var conversation in conversations)
                {
                    await conversation.DisposeAsync();
                }
            }
        }
        finally
        {
            if (postgres is not null)
            {
                await postgres.DisposeAsync();
            }

            Directory.Delete(scratch, recursive: true);
        }
    }

    private static Task<LoadPhaseResult> RunPhaseAsync(HttpClient client, DirectLineLoadConversation[] conversations, TimeSpan duration,
        string name)
    {
        LoadRun.Progress($"{name}: {conversations.Length} loops for {duration.TotalSeconds:0} s");
        var phase = new LoadPhase(name);
        var started = Stopwatch.GetTimestamp();

        async Task<List<double>> LoopAsync(DirectLineLoadConversation conversation)
        {
            using var hardStop = new CancellationTokenSource(duration + ReplyTimeout + TimeSpan.FromSeconds(5));
            var latencies = new List<double>(4096);
            while (Stopwatch.GetElapsedTime(started) < duration && !hardStop.IsCancellationRequested)
            {
                var begin = Stopwatch.GetTimestamp();
                try
                {
                    await conversation.SayAsync(client, "你好", ReplyTimeout, hardStop.Token);
                    latencies.Add(Stopwatch.GetElapsedTime(begin).TotalMilliseconds);
                    phase.CountTurn();
                }
                catch (Exception exception) when (exception is HttpRequestException or OperationCanceledException or TimeoutException)
                {
                    phase.CountError(exception);
                }
            }

            return latencies;
        }

        return phase.RunAsync(conversations.Select(c => (Func<Task<List<double>>>)(() => LoopAsync(c))));
    }

    /// <returns>Activities in the logs no socket delivered, and activities delivered that no log has.</returns>
    private static async Task<(long Lost, long Unknown)> CompareWithLogsAsync(HttpClient client, string secret,
        DirectLineLoadConversation[] conversations)
    {
        LoadRun.Progress("comparing what the sockets delivered with the conversations' logs");
        long lost = 0, unknown = 0;
        foreach (var conversation in conversations)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get,
                new Uri($"/v3/directline/conversations/{conversation.ConversationId}/activities", UriKind.Relative));
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", secret);
            using var response = await client.SendAsync(request);
            response.EnsureSuccessStatusCode();
            var log = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("activities").EnumerateArray()
                .Select(a => a.GetProperty("id").GetString()!).ToHashSet(StringComparer.Ordinal);
            lost += log.Count(id => !conversation.Seen.ContainsKey(id));
            unknown += conversation.Seen.Keys.Count(id => !log.Contains(id));
        }

        return (lost, unknown);
    }
}
