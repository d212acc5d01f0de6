using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Conversational.Testing;

namespace Conversational.Benchmarks;

/// <param name="Hosts">1: customers and agents on one host; 2: customers on host A, agents' desks on host B.</param>
/// <param name="Copilot">Wait for the chat's <c>copilot</c> frame after the message (the <c>copilot</c> command), not the message.</param>
public sealed record DeskLatencyOptions(int Hosts, int Chats, int Seconds, int WarmupSeconds, bool Copilot = false);

/// <summary>
/// The <c>desk</c> command: customer message → agent desk screen (DESIGN §16). Real host processes on one PostgreSQL;
/// customers hand off with 转人工, agents on the desk page's API accept, keep the desk WebSocket open, and each customer
/// loop sends a message and waits until it arrives on its agent's socket. The <c>copilot</c> command waits instead for the
/// copilot frame that follows the message on the socket (suggestions for it on the agent's screen, issue 7), with an
/// installment question as the message. Prints one JSON object on stdout.
/// </summary>
public static class DeskLatency
{
    private const string AgentPassword = "Agent#2026";
    private static readonly string[] AgentIds = ["agent1", "agent2", "agent3", "agent4", "agent5"];
    private static readonly TimeSpan ArrivalTimeout = TimeSpan.FromSeconds(10);

    public static async Task<int> RunAsync(DeskLatencyOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var scratch = Directory.CreateTempSubdirectory("conversational-desk-latency.").FullName;
        PostgresServer? postgres = null;
        var hosts = new List<HostProcess>();
        try
        {
            var settings = new Dictionary<string, string>
            {
                ["AppChannel__MessagesPerMinutePerCustomer"] = "100000",
                ["Logging__LogLevel__Default"] = "Warning",
            };
            (var first, postgres) = await LoadRun.StartHostAsync("postgres", scratch, settings);
            hosts.Add(first);
            if (options.Hosts == 2)
            {
                hosts.Add(await HostProcess.StartAsync(settings));
            }

            using var customerSide = new HttpClient { BaseAddress = hosts[0].BaseAddress };
            var deskAddress = hosts[^1].BaseAddress;
            await OpenAllHoursAsync(deskAddress);

            var agents = await Task.WhenAll(AgentIds.Select(id => AgentDesk.SignInAsync(deskAddress, id)));
            foreach (var agent in agents)
            {
                await agent.PostAsync("/api/desk/presence", """{"status":"available"}""");
            }

            LoadRun.Progress($"{options.Chats} customers ask for a person on {hosts[0].BaseAddress}; desks on {deskAddress}");
            var customers = await Task.WhenAll(Enumerable.Range(0, options.Chats).Select(_ => Customer.HandOffAsync(customerSide)));
            var chats = await AcceptAllAsync(agents, customers.Select(c => c.ConversationId).ToHashSet());
            foreach (var agent in agents)
            {
                await agent.OpenStreamAsync();
            }

            if (options.WarmupSeconds > 0)
            {
                await RunPhaseAsync(customers, chats, TimeSpan.FromSeconds(options.WarmupSeconds), "warmup", options.Copilot);
            }

            var result = await RunPhaseAsync(customers, chats, TimeSpan.FromSeconds(options.Seconds), "measure", options.Copilot);
            Array.Sort(result.Latencies);
            Console.Out.WriteLine(JsonSerializer.Serialize(new Dictionary<string, object>
            {
                ["until"] = options.Copilot ? "copilot" : "activity",
                ["hosts"] = options.Hosts,
                ["chats"] = options.Chats,
                ["seconds"] = options.Seconds,
                ["messages"] = result.Turns,
                ["p50_ms"] = Math.Round(LoadRun.Percentile(result.Latencies, 50), 2),
                ["p99_ms"] = Math.Round(LoadRun.Percentile(result.Latencies, 99), 2),
                ["max_ms"] = Math.Round(result.Latencies.Length == 0 ? 0 : result.Latencies[^1], 2),
                ["errors"] = result.Errors,
            }));
            foreach (var agent in agents)
            {
                await agent.DisposeAsync();
            }

            return result.Errors == 0 ? 0 : 1;
        }
        finally
        {
            foreach (var host in hosts)
            {
                await host.DisposeAsync();
            }

            if (postgres is not null)
            {
                await postgres.DisposeAsync();
            }

            Directory.Delete(scratch, recursive: true);
        }
    }

    /// <summary>The demo rules send everyone to leave a message outside business hours; a benchmark runs at any hour.</summary>
    private static async Task OpenAllHoursAsync(Uri address)
    {
        await using var admin = await AgentDesk.SignInAsync(address, "admin", "Admin#2026");
        var current = JsonNode.Parse(await admin.Http.GetStringAsync(new Uri("/api/routing/rules", UriKind.Relative)))!;
        var rules = current["rules"]!;
        var kept = new JsonArray([.. rules["rules"]!.AsArray().Where(r => r!["name"]!.GetValue<string>() != "outside-hours")
            .Select(r => r!.DeepClone())]);
        rules["rules"] = kept;
        using var saved = await admin.SendAsync(HttpMethod.Put, "/api/routing/rules",
            new JsonObject { ["expectedVersion"] = current["version"]!.DeepClone(), ["rules"] = rules.DeepClone() }.ToJsonString());
        await LoadRun.EnsureAsync(saved, HttpStatusCode.OK, "PUT /api/routing/rules", CancellationToken.None);
    }

    /// <summary>Each agent accepts what they are offered until every customer has an agent; conversation → the agent's desk.</summary>
    private static async Task<Dictionary<string, AgentDesk>> AcceptAllAsync(AgentDesk[] agents, HashSet<string> waiting)
    {
        var chats = new Dictionary<string, AgentDesk>(StringComparer.Ordinal);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        while (chats.Count < waiting.Count)
        {
            foreach (var agent in agents)
            {
                var state = JsonNode.Parse(await agent.Http.GetStringAsync(new Uri("/api/desk/state", UriKind.Relative), timeout.Token))!;
                foreach (var offer in state["offers"]!.AsArray().Select(o => o!["conversationId"]!.GetValue<string>()).Where(waiting.Contains))
                {
                    using var accepted = await agent.Http.PostAsync(new Uri($"/api/desk/offers/{offer}/accept", UriKind.Relative), null, timeout.Token);
                    if (accepted.StatusCode == HttpStatusCode.OK)
                    {
                        chats[offer] = agent;
                    }
                }
            }

            await Task.Delay(200, timeout.Token);
        }

        LoadRun.Progress($"{chats.Count} chats accepted by {chats.Values.Distinct().Count()} agents");
        return chats;
    }

    private static Task<LoadPhaseResult> RunPhaseAsync(Customer[] customers, Dictionary<string, AgentDesk> chats, TimeSpan duration, string name,
        bool copilot)
    {
        LoadRun.Progress($"{name}: {customers.Length} customers for {duration.TotalSeconds:0} s");
        var phase = new LoadPhase(name);
        var started = Stopwatch.GetTimestamp();

        async Task<List<double>> LoopAsync(Customer customer)
        {
            var latencies = new List<double>(4096);
            var desk = chats[customer.ConversationId];
            for (var i = 0; Stopwatch.GetElapsedTime(started) < duration; i++)
            {
                var text = copilot ? $"我想把账单分期，能分几期？{customer.ConversationId[^8..]} #{i}" : $"{name} {customer.ConversationId[^8..]} #{i}";
                var arrived = desk.Expect(text, copilot);
                var begin = Stopwatch.GetTimestamp();
                try
                {
                    await customer.SayAsync(text);
                    await arrived.WaitAsync(ArrivalTimeout);
                    latencies.Add(Stopwatch.GetElapsedTime(begin).TotalMilliseconds);
                    phase.CountTurn();
                }
                catch (Exception exception) when (exception is HttpRequestException or TimeoutException or InvalidOperationException)
                {
                    phase.CountError(exception);
                }
            }

            return latencies;
        }

        return phase.RunAsync(customers.Select(c => (Func<Task<List<double>>>)(() => LoopAsync(c))));
    }

    /// <summary>A web visitor who has asked for a person.</summary>
    private sealed class Customer(HttpClient http, string token, string conversationId)
    {
        public string ConversationId { get; } = conversationId;

        public static async Task<Customer> HandOffAsync(HttpClient http)
        {
            using var visitor = await http.PostAsync(new Uri("/api/visitors", UriKind.Relative), null);
            await LoadRun.EnsureAsync(visitor, HttpStatusCode.Created, "POST /api/visitors", CancellationToken.None);
            var token = (await visitor.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("token").GetString()!;
            using var start = await Send(http, token, HttpMethod.Post, "/api/conversations", """{"locale":"zh-CN"}""");
            await LoadRun.EnsureAsync(start, HttpStatusCode.Created, "POST /api/conversations", CancellationToken.None);
            var conversationId = (await start.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("conversationId").GetString()!;
            var customer = new Customer(http, token, conversationId);
            await customer.SayAsync("转人工");
            return customer;
        }

        public async Task SayAsync(string text)
        {
            using var response = await Send(http, token, HttpMethod.Post, $"/api/conversations/{ConversationId}/messages",
                JsonSerializer.Serialize(new { text }));
            await LoadRun.EnsureAsync(response, HttpStatusCode.OK, "POST …/messages", CancellationToken.None);
        }

        private static Task<HttpResponseMessage> Send(HttpClient http, string token, HttpMethod method, string path, string json)
        {
            using var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative))
            {
                Content = new StringContent(json, Encoding.UTF8, "application/json"),
            };
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            return http.SendAsync(request);
        }
    }

    /// <summary>A signed-in agent's desk: the HTTP API with the staff cookie, and the desk WebSocket read all the time.</summary>
    private sealed class AgentDesk(HttpClient http, Uri address, string cookie) : IAsyncDisposable
    {
        private readonly ConcurrentDictionary<string, (TaskCompletionSource Arrival, bool Copilot)> _expected = new(StringComparer.Ordinal);

        // Per chat: the arrival that waits for the copilot frame following its message.
        private readonly ConcurrentDictionary<string, TaskCompletionSource> _copilotAfter = new(StringComparer.Ordinal);
        private readonly ClientWebSocket _socket = new();
        private Task _reading = Task.CompletedTask;

        public HttpClient Http { get; } = http;

        public static async Task<AgentDesk> SignInAsync(Uri address, string username, string password = AgentPassword)
        {
            var http = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer() }) { BaseAddress = address };
            using var login = await http.PostAsJsonAsync("/api/staff/login", new { username, password });
            await LoadRun.EnsureAsync(login, HttpStatusCode.NoContent, $"sign in {username}", CancellationToken.None);
            return new AgentDesk(http, address, login.Headers.GetValues("Set-Cookie").Single().Split(';')[0]);
        }

        public async Task PostAsync(string path, string json)
        {
            using var response = await SendAsync(HttpMethod.Post, path, json);
            await LoadRun.EnsureAsync(response, HttpStatusCode.OK, $"POST {path}", CancellationToken.None);
        }

        public Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string json) =>
            Http.SendAsync(new HttpRequestMessage(method, new Uri(path, UriKind.Relative))
            {
                Content = new StringContent(json, Encoding.UTF8, "application/json"),
            });

        /// <summary>
        /// Completes when a message with exactly this text arrives on the desk stream, or with <paramref name="copilot"/> when
        /// the chat's copilot frame after it does.
        /// </summary>
        public Task Expect(string text, bool copilot) =>
            _expected.GetOrAdd(text, _ => (new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously), copilot)).Arrival.Task;

        public async Task OpenStreamAsync()
        {
            _socket.Options.SetRequestHeader("Cookie", cookie);
            await _socket.ConnectAsync(new Uri($"ws://{address.Authority}/api/desk/stream"), CancellationToken.None);
            _reading = Task.Run(ReadAsync);
        }

        private async Task ReadAsync()
        {
            var buffer = new byte[64 * 1024];
            using var frame = new MemoryStream();
            try
            {
                while (_socket.State == WebSocketState.Open)
                {
                    var received = await _socket.ReceiveAsync(buffer, CancellationToken.None);
                    frame.Write(buffer, 0, received.Count);
                    if (!received.EndOfMessage)
                    {
                        continue;
                    }

                    var json = JsonDocument.Parse(frame.ToArray()).RootElement;
                    frame.SetLength(0);
                    var type = json.GetProperty("type").GetString();
                    if (type == "activity"
                        && json.GetProperty("activity").TryGetProperty("text", out var text)
                        && _expected.TryRemove(text.GetString()!, out var expected))
                    {
                        if (expected.Copilot)
                        {
                            _copilotAfter[json.GetProperty("conversationId").GetString()!] = expected.Arrival;
                        }
                        else
                        {
                            expected.Arrival.TrySetResult();
                        }
                    }
                    else if (type == "copilot" && _copilotAfter.TryRemove(json.GetProperty("conversationId").GetString()!, out var arrival))
                    {
                        arrival.TrySetResult();
                    }
                }
            }
            catch (Exception exception) when (exception is WebSocketException or OperationCanceledException)
            {
                // The run ended: the socket was aborted, or the host went away.
            }
        }

        public async ValueTask DisposeAsync()
        {
            _socket.Abort();
            await _reading;
            _socket.Dispose();
            Http.Dispose();
        }
    }
}
