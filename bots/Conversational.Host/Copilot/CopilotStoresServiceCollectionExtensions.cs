using Conversational.Handoff.Copilot;

namespace Microsoft.Extensions.DependencyInjection;

public static class CopilotStoresServiceCollectionExtensions
{
    /// <summary>
    /// The copilot catalogue and the offer log (启齿率) that the catalogue and analytics API read. The desk's copilot
    /// needs them too; whichever registers first wins, so each schema migration is registered once.
    /// </summary>
    public static WebApplicationBuilder AddCopilotStores(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        if (!services.Any(service => service.ServiceType == typeof(SqlCopilotCatalogStore)))
        {
            services.AddCopilotCatalog();
        }

        if (!services.Any(service => service.ServiceType == typeof(OfferLog)))
        {
            services.AddCopilotOffers();
        }

        return builder;
    }
}
