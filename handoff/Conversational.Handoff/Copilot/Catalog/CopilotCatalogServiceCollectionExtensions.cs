using Conversational.Handoff.Copilot;
using Conversational.Storage;

namespace Microsoft.Extensions.DependencyInjection;

public static class CopilotCatalogServiceCollectionExtensions
{
    /// <summary>The copilot catalogue: its table, store, this host's cache and the demo catalogue. Needs storage (<c>AddStorage</c>).</summary>
    public static IServiceCollection AddCopilotCatalog(this IServiceCollection services)
    {
        services.AddSchemaMigration(CopilotCatalogSchema.V1);
        services.AddSingleton<CopilotCatalogCache>();
        services.AddSingleton<IDatabaseNotificationHandler>(sp => sp.GetRequiredService<CopilotCatalogCache>());
        services.AddSingleton<SqlCopilotCatalogStore>();
        services.AddSingleton<IDemoSeed, DemoCopilotCatalogSeed>();
        return services;
    }
}
