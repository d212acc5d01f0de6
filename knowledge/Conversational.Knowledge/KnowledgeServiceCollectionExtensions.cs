using Conversational.Knowledge.Understanding;
using Microsoft.Extensions.Hosting;

namespace Microsoft.Extensions.DependencyInjection;

public static class KnowledgeServiceCollectionExtensions
{
    /// <summary>Understanding (and, as it lands, the knowledge base).</summary>
    public static IHostApplicationBuilder AddKnowledge(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<IUnderstanding, KeywordUnderstanding>();
        return builder;
    }
}
