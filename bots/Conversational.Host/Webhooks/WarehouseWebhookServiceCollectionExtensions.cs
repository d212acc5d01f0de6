using Conversational.Host.Webhooks;

namespace Microsoft.Extensions.DependencyInjection;

public static class WarehouseWebhookServiceCollectionExtensions
{
    /// <summary>The warehouse webhook's secret and limits, checked at start so a host without a secret does not come up.</summary>
    public static WebApplicationBuilder AddWarehouseWebhooks(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOptions<WarehouseWebhookOptions>()
            .BindConfiguration(WarehouseWebhookOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        return builder;
    }
}
