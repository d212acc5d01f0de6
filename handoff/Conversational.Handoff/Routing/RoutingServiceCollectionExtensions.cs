using Conversational.Handoff.Routing;
using Conversational.Storage;

namespace Microsoft.Extensions.DependencyInjection;

public static class RoutingServiceCollectionExtensions
{
    /// <summary>The 4W1H routing rules: their table, store, this host's cache and the demo rules.</summary>
    public static IServiceCollection AddHandoffRouting(this IServiceCollection services)
    {
        services.AddSchemaMigration(RoutingSchema.V1);
        services.AddSingleton<RoutingRulesCache>();
        services.AddSingleton<IDatabaseNotificationHandler>(sp => sp.GetRequiredService<RoutingRulesCache>());
        services.AddSingleton<SqlRoutingRuleStore>();
        services.AddSingleton<IDemoSeed, DemoRoutingRulesSeed>();
        return services;
    }
}
