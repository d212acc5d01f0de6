using Conversational.Bots.Copilot.Llm;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>
/// The copilot's optional language model: <see cref="CopilotDrafter"/> and its calculators always, an
/// <see cref="IChatClient"/> only when <c>AI:Chat:Provider</c> names one (the drafter is enabled then). Settings are
/// validated at start with messages that name them. A host or test may register its own <see cref="IChatClient"/> instead.
/// </summary>
public static class CopilotLanguageModelServiceCollectionExtensions
{
    public static IHostApplicationBuilder AddCopilotLanguageModel(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddOptions<ChatProviderOptions>()
            .BindConfiguration(ChatProviderOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();

        var provider = builder.Configuration.GetSection(ChatProviderOptions.SectionName)
            .GetValue(nameof(ChatProviderOptions.Provider), ChatProvider.None);
        if (provider == ChatProvider.OpenAI)
        {
            services.AddSingleton(sp => OpenAIChat.Create(sp.GetRequiredService<IOptions<ChatProviderOptions>>().Value));
        }

        services.AddSingleton<CopilotTools>();
        services.AddSingleton<CopilotDrafter>();
        return builder;
    }
}
