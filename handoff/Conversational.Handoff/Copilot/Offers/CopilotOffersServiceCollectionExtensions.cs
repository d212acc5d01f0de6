using Conversational.Handoff.Copilot;

namespace Microsoft.Extensions.DependencyInjection;

public static class CopilotOffersServiceCollectionExtensions
{
    /// <summary>The service-sales shelf's 启齿率 log and its table. Needs storage (<c>AddStorage</c>) registered too.</summary>
    public static IServiceCollection AddCopilotOffers(this IServiceCollection services)
    {
        services.AddSchemaMigration(OfferSchema.V1);
        services.AddSingleton<OfferLog>();
        return services;
    }
}
