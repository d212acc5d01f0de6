using Conversational.Handoff;
using Conversational.Handoff.Agents;
using Conversational.Handoff.Assignment;
using Conversational.Handoff.Queues;
using Conversational.Handoff.Tickets;
using Conversational.Storage;

namespace Microsoft.Extensions.DependencyInjection;

public static class HandoffServiceCollectionExtensions
{
    /// <summary>
    /// Queues, agents, offers, ratings, tickets, the change feed and the assigner, with the <c>Handoff</c> options and
    /// the demo agents. Needs storage (<c>AddStorage</c>) registered too.
    /// </summary>
    public static IServiceCollection AddHandoffQueues(this IServiceCollection services)
    {
        services.AddOptions<HandoffOptions>().BindConfiguration(HandoffOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSchemaMigration(HandoffSchema.V1);
        services.AddSingleton<HandoffChangeFeed>();
        services.AddSingleton<IDatabaseNotificationHandler>(sp => sp.GetRequiredService<HandoffChangeFeed>());
        services.AddSingleton<HandoffDatabase>();
        services.AddSingleton<AgentRoster>();
        services.AddSingleton<HandoffQueue>();
        services.AddSingleton<AgentOffers>();
        services.AddSingleton<AgentRatings>();
        services.AddSingleton<HandoffTickets>();
        services.AddSingleton<AssignmentRound>();
        services.AddSingleton<IDemoSeed, DemoAgentsSeed>();
        services.AddHostedService<HandoffAssigner>();
        return services;
    }
}
