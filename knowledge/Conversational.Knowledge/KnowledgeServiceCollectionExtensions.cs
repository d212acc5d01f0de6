using Conversational.Knowledge.Understanding;
using Conversational.Knowledge.Understanding.Entities;
using Microsoft.Extensions.Hosting;

namespace Microsoft.Extensions.DependencyInjection;

public static class KnowledgeServiceCollectionExtensions
{
    /// <summary>Understanding (and, as it lands, the knowledge base).</summary>
    public static IHostApplicationBuilder AddKnowledge(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<UnderstandingOptions>().BindConfiguration(UnderstandingOptions.SectionName)
            .ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<IntentModelProvider>();
        builder.Services.AddHostedService<IntentModelWarmUp>();
        builder.Services.AddSingleton<IUnderstanding, ModelUnderstanding>();
        builder.Services.AddSingleton(new EntityExtractor());
        builder.Services.AddKnowledgeArticles();
        return builder;
    }
}
