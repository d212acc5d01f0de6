using System.Diagnostics;
using System.Globalization;
using Conversational.Handoff.Agents;
using Conversational.Handoff.Assignment;
using Conversational.Handoff.Queues;
using Conversational.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Conversational.Benchmarks;

/// <summary>
/// The <c>assignment</c> command (issue 6): 1,000 queued customers across five skill groups and three priority levels,
/// 50 agents (two groups each, 3 chats each). Rounds offer, every offer is accepted at once and the chat closed at
/// once, until everyone has been served. Reports served customers per second end to end (offer, accept, close:
/// seven writes per customer) and the latency of one <see cref="AssignmentRound"/> (a round fills every free slot).
/// </summary>
public static class AssignmentThroughput
{
    private const int Customers = 1000, Agents = 50, MaxChats = 3;
    private static readonly string[] Groups = ["general", "card", "ecommerce", "complaint", "vip"];

    public static async Task<int> RunAsync(IReadOnlyList<string> stores)
    {
        foreach (var store in stores)
        {
            PostgresServer? postgres = store == "postgres" ? await PostgresServer.StartAsync() : null;
            try
            {
                await using var host = await StoreHost.StartAsync(postgres is null ? StoreKind.Sqlite : StoreKind.PostgreSql, postgres,
                    builder =>
                    {
                        builder.AddStorage();
                        builder.Services.AddHandoffQueues();
                    },
                    // The benchmark drives the rounds itself; the background assigner would race it for the same work.
                    configureServices: services => services.Remove(services.Single(d => d.ImplementationType == typeof(HandoffAssigner))));
                Console.WriteLine(await MeasureAsync(store, host.Services));
            }
            finally
            {
                if (postgres is not null)
                {
                    await postgres.DisposeAsync();
                }
            }
        }

        return 0;
    }

    private static async Task<string> MeasureAsync(string store, IServiceProvider services)
    {
        var roster = services.GetRequiredService<AgentRoster>();
        var queue = services.GetRequiredService<HandoffQueue>();
        var offers = services.GetRequiredService<AgentOffers>();
        var round = services.GetRequiredService<AssignmentRound>();
        for (var i = 0; i < Agents; i++)
        {
            var id = $"agent{i:D2}";
            await roster.SaveProfileAsync(new AgentProfile(id, id,
                [new SkillProficiency(Groups[i % Groups.Length], 1 + i % 5), new SkillProficiency(Groups[(i + 1) % Groups.Length], 3)], MaxChats), default);
            await roster.SetStatusAsync(id, AgentStatus.Available, default);
        }

        var enqueue = Stopwatch.StartNew();
        for (var i = 0; i < Customers; i++)
        {
            await queue.EnqueueAsync(new QueueRequest($"c{i:D4}", $"u{i % 400}", Groups[i % Groups.Length], (i % 10) switch
            {
                0 => 80,
                < 4 => 50,
                _ => 10,
            }, 0, null, "customer_asked"), default);
        }

        enqueue.Stop();
        var roundTimes = new List<double>();
        var served = 0;
        var total = Stopwatch.StartNew();
        while (served < Customers)
        {
            var one = Stopwatch.StartNew();
            var result = await round.RunAsync(default);
            roundTimes.Add(one.Elapsed.TotalMilliseconds);
            if (result.Offered == 0)
            {
                throw new InvalidOperationException($"A round offered nobody with {Customers - served} customers left.");
            }

            for (var i = 0; i < Agents; i++)
            {
                var agent = $"agent{i:D2}";
                foreach (var offer in await offers.ForAgentAsync(agent, default))
                {
                    await offers.AcceptAsync(agent, offer.ConversationId, default);
                    await queue.ReleaseAsync(offer.ConversationId, agent, default);
                    served++;
                }
            }
        }

        total.Stop();
        roundTimes.Sort();
        return string.Create(CultureInfo.InvariantCulture,
            $"{{\"store\":\"{store}\",\"customers\":{Customers},\"agents\":{Agents},\"enqueuePerSecond\":{Customers / enqueue.Elapsed.TotalSeconds:F0}," +
            $"\"servedPerSecond\":{served / total.Elapsed.TotalSeconds:F0},\"rounds\":{roundTimes.Count}," +
            $"\"roundMsP50\":{Percentile(roundTimes, 0.50):F1},\"roundMsP99\":{Percentile(roundTimes, 0.99):F1},\"roundMsMax\":{roundTimes[^1]:F1}}}");
    }

    private static double Percentile(List<double> sorted, double p) => sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];
}
