using Conversational.Storage;

namespace Conversational.Handoff.Agents;

/// <summary>
/// The demo agents, matching the demo staff accounts: agent1 and agent2 as the desk's walkthrough uses them, and
/// agent3–agent6 so every skill group has someone. Only missing agents are added; they start offline.
/// </summary>
public sealed class DemoAgentsSeed(AgentRoster roster) : IDemoSeed
{
    public static readonly IReadOnlyList<AgentProfile> Agents =
    [
        new("agent1", "坐席 小王", [new("general", 5), new("card", 4), new("vip", 5)], 3),
        new("agent2", "坐席 小李", [new("general", 4), new("ecommerce", 5), new("complaint", 4)], 3),
        new("agent3", "坐席 小张", [new("card", 5), new("general", 3), new("messages", 3)], 4),
        new("agent4", "坐席 小刘", [new("ecommerce", 4), new("general", 3), new("messages", 4)], 4),
        new("agent5", "坐席 小陈", [new("complaint", 5), new("vip", 4), new("general", 2)], 2),
        new("agent6", "坐席 小赵", [new("messages", 5), new("ecommerce", 3), new("card", 3)], 5),
    ];

    public string Name => "handoff agents";

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        foreach (var agent in Agents)
        {
            if (await roster.FindAsync(agent.AgentId, cancellationToken) is null)
            {
                await roster.SaveProfileAsync(agent, cancellationToken);
            }
        }
    }
}
