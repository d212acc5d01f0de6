using Conversational.Bots.Handoff;
using Conversational.Host.Channels.WeChat;
using Conversational.Host.Channels.WeChat.Binding;
using Conversational.Host.Channels.WeChat.CustomerService;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

public static class WeChatChannelServiceCollectionExtensions
{
    /// <summary>The WeChat channel's settings (checked at start), its pieces and the customer-service message sender.</summary>
    public static WebApplicationBuilder AddWeChatChannel(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddOptions<WeChatOptions>().BindConfiguration(WeChatOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddHttpClient(WeChatAccessTokens.HttpClientName, (provider, http) =>
        {
            var address = provider.GetRequiredService<IOptions<WeChatOptions>>().Value.ApiBaseAddress.ToString();
            // Relative API paths resolve under the base only when it ends with a slash.
            http.BaseAddress = new Uri(address.EndsWith('/') ? address : address + "/");
            http.Timeout = TimeSpan.FromSeconds(10);
        });
        services.AddSingleton<WeChatAccessTokens>();
        services.AddSingleton<CustomerServiceMessages>();
        services.AddHostedService(provider => provider.GetRequiredService<CustomerServiceMessages>());
        services.AddSingleton<WeChatRequestReader>();
        services.AddSchemaMigration(WeChatBindings.Schema);
        services.AddSingleton<WeChatBindings>();
        services.AddSingleton<WeChatConversations>();
        services.AddSingleton<WeChatTurns>();
        services.AddSingleton<WeChatDeliveries>();
        services.AddSingleton<IOutOfTurnDelivery, WeChatOutOfTurnDelivery>();
        return builder;
    }
}
