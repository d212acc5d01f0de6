using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Conversational.Testing;

namespace Conversational.Benchmarks;

/// <param name="Visitors">Customers the conversations are spread over (round robin).</param>
/// <param name="TurnsPerConversation">Messages after which a loop moves to a fresh conversation; 0 never.</param>
/// <param name="LatenciesFile">If set, every measured turn's latency in ms, sorted, one per line (for a histogram).</param>
/// <param name="Url">A host already running (started by hand, e.g. to read its log); then no host or database is started
/// and <paramref name="Store"/> is only a label. Loopback only.</param>
public sealed record HttpLoadOptions(string Store, int Conversations, int Seconds, int WarmupSeconds, int Visitors,
    int TurnsPerConversation, string? LatenciesFile, Uri? Url);

/// <summary>
/// The <c>http</c> command: the real host as a process on loopback, N conversations, N loops each sending "你好" and
/// awaiting the reply (the bot's answer comes back in the response) for a fixed time. Prints one JSON object on stdout.
/// </summary>
public static class HttpLoad
{
    private static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(30);

    public static async Task<int> RunAsync(HttpLoadOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var scratch = Directory.CreateTempSubdirectory("conversational-load.").FullName;
        PostgresServer? postgres = null;
        try
        {
            HostProcess? host = null;
            Uri baseAddress;
            if (options.Url is { } url)
            {
                baseAddress = url;
            }
            else
            {
                (host, postgres) = await LoadRun.StartHostAsync(options.Store, scratch, new Dictionary<string, string>
                {
                    // A load run sends far more than the 60 messages a minute one customer may send by default.
                    ["AppChannel__MessagesPerMinutePerCustomer"] = "100000",
                    ["AppChannel__VisitorsPerMinutePerAddress"] = "100000",
                });
                baseAddress = host.BaseAddress;
            }

            await using var stopHost = host;
            LoadRun.Progress($"host listening on {baseAddress}");

            using var handler = new SocketsHttpHandler
            {
                MaxConnectionsPerServer = options.Conversations + 64,
                PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
                PooledConnectionIdleTimeout = TimeSpan.FromMinutes(5),
                UseCookies = false,
            };
            using var client = new HttpClient(handler) { BaseAddress = baseAddress, Timeout = RequestTimeout };

            var sessions = await CreateSessionsAsync(client, options);
            if (options.WarmupSeconds > 0)
            {
                var warmup = await RunPhaseAsync(client, sessions, options, TimeSpan.FromSeconds(options.WarmupSeconds), "warmup");
                LoadRun.Progress($"warmup: {warmup.Turns} turns, {warmup.Errors} errors");
            }

            var result = await RunPhaseAsync(client, sessions, options, TimeSpan.FromSeconds(options.Seconds), "measure");
            Array.Sort(result.Latencies);
            if (options.LatenciesFile is { } latenciesFile)
            {
                await File.WriteAllLinesAsync(latenciesFile,
                    result.Latencies.Select(l => l.ToString("0.###", CultureInfo.InvariantCulture)));
            }

            var report = new Dictionary<string, object>
            {
                ["store"] = options.Store,
                ["conversations"] = options.Conversations,
                ["seconds"] = options.Seconds,
                ["turns"] = result.Turns,
                ["turns_per_second"] = Math.Round(result.Turns / result.Elapsed.TotalSeconds, 1),
                ["p50_ms"] = Math.Round(LoadRun.Percentile(result.Latencies, 50), 2),
                ["p99_ms"] = Math.Round(LoadRun.Percentile(result.Latencies, 99), 2),
                ["max_ms"] = Math.Round(result.Latencies.Length == 0 ? 0 : result.Latencies[^1], 2),
                ["errors"] = result.Errors,
            };
            Console.Out.WriteLine(JsonSerializer.Serialize(report));
            return 0;
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

    private sealed record Session(string Token, string ConversationId);

    private static async Task<Session[]> CreateSessionsAsync(HttpClient client, HttpLoadOptions options)
    {
        LoadRun.Progress($"creating {options.Visitors} visitors and {options.Conversations} conversations");
        var tokens = new string[options.Visitors];
        await Parallel.ForEachAsync(Enumerable.Range(0, options.Visitors), new ParallelOptions { MaxDegreeOfParallelism = 8 },
            async (i, cancellationToken) =>
            {
                using var response = await client.PostAsync(new Uri("/api/visitors", UriKind.Relative), content: null, cancellationToken);
                await LoadRun.EnsureAsync(response, HttpStatusCode.Created, "POST /api/visitors", cancellationToken);
                var visitor = await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken);
                tokens[i] = visitor.GetProperty("token").GetString()!;
            });

        var sessions = new Session[options.Conversations];
        await Parallel.ForEachAsync(Enumerable.Range(0, options.Conversations), new ParallelOptions { MaxDegreeOfParallelism = 8 },
            async (i, cancellationToken) =>
            {
                var token = tokens[i % tokens.Length];
                sessions[i] = new Session(token, await StartConversationAsync(client, token, cancellationToken));
            });
        return sessions;
    }

    private static async Task<string> StartConversationAsync(HttpClient client, string token, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/api/conversations", UriKind.Relative))
        {
            Content = new StringContent("""{"locale":"zh-CN"}""", Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await client.SendAsync(request, cancellationToken);
        await LoadRun.EnsureAsync(response, HttpStatusCode.Created, "POST /api/conversations", cancellationToken);
        var started = await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken);
        return started.GetProperty("conversationId").GetString()!;
    }

    private static Task<LoadPhaseResult> RunPhaseAsync(HttpClient client, Session[] sessions, HttpLoadOptions options, TimeSpan duration,
        string name)
    {
        LoadRun.Progress($"{name}: {sessions.Length} loops for {duration.TotalSeconds:0} s");
        var phase = new LoadPhase(name);
        var started = Stopwatch.GetTimestamp();

        async Task<List<double>> LoopAsync(int index)
        {
            // Requests still running at the end get this long to finish; then they are cancelled and counted as errors.
            using var hardStop = new CancellationTokenSource(duration + RequestTimeout + TimeSpan.FromSeconds(5));
            var latencies = new List<double>(4096);
            var session = sessions[index];
            var sent = 0;
            while (Stopwatch.GetElapsedTime(started) < duration && !hardStop.IsCancellationRequested)
            {
                try
                {
                    if (options.TurnsPerConversation > 0 && sent == options.TurnsPerConversation)
                    {
                        // A fresh conversation (its greeting turn is not counted as a turn), so history stays realistic.
                        session = session with { ConversationId = await StartConversationAsync(client, session.Token, hardStop.Token) };
                        sessions[index] = session;
                        sent = 0;
                    }

                    sent++;
                    var begin = Stopwatch.GetTimestamp();
                    var status = await SendMessageAsync(client, session, hardStop.Token);
                    var elapsed = Stopwatch.GetElapsedTime(begin).TotalMilliseconds;
                    if (status == HttpStatusCode.OK)
                    {
                        latencies.Add(elapsed);
                        phase.CountTurn();
                    }
                    else
                    {
                        phase.CountError($"HTTP {(int)status}");
                    }
                }
                catch (Exception exception) when (exception is HttpRequestException or OperationCanceledException or InvalidOperationException)
                {
                    phase.CountError(exception);
                }
            }

            return latencies;
        }

        return phase.RunAsync(Enumerable.Range(0, sessions.Length).Select(i => (Func<Task<List<double>>>)(() => LoopAsync(i))));
    }

    private static async Task<HttpStatusCode> SendMessageAsync(HttpClient client, Session session, CancellationToken cancellationToken)
    {
        var body = $$"""{"text":"你好","clientMessageId":"{{Guid.NewGuid():N}}"}""";
        using var request = new HttpRequestMessage(HttpMethod.Post,
            new Uri($"/api/conversations/{session.ConversationId}/messages", UriKind.Relative))
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", session.Token);
        using var response = await client.SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken);
        return response.StatusCode;
    }
}
