using Conversational.Handoff;
using Conversational.Handoff.Agents;
using Conversational.Handoff.Assignment;
using Conversational.Handoff.Queues;
using Conversational.Handoff.Tickets;
using Conversational.Storage;

namespace Microsoft.Extensions.DependencyInjection;

public static class HandoffServiceCollectionExtensions
{
    /// <summary>Queues, agents, offers, ratings, tickets, the change feed and the assigner.</summary>
    public static IServiceCollection AddHandoffQueues(this IServiceCollection services)
    {
        services.AddOptions<HandoffOptions>().BindConfiguration(HandoffOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<HandoffChangeFeed>();
        services.AddSingleton<IDatabaseNotificationHandler>(sp => sp.GetRequiredService<HandoffChangeFeed>());
        services.AddSingleton<AgentRoster>();
        services.AddSingleton<HandoffQueue>();
        services.AddSingleton<AgentOffers>();
        services.AddSingleton<AgentRatings>();
        services.AddSingleton<HandoffTickets>();
        services.AddHostedService<HandoffAssigner>();
        return services;
    }
}
