using Conversational.Bots.Copilot.Llm;
using Microsoft.Extensions.Hosting;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>
/// The copilot's optional language model: <see cref="CopilotDrafter"/> always, an <c>IChatClient</c> only when
/// <c>AI:Chat:Provider</c> names one. Settings are validated at start with messages that name them.
/// </summary>
public static class CopilotLanguageModelServiceCollectionExtensions
{
    public static IHostApplicationBuilder AddCopilotLanguageModel(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOptions<ChatProviderOptions>()
            .BindConfiguration(ChatProviderOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddSingleton<CopilotDrafter>();
        return builder;
    }
}
