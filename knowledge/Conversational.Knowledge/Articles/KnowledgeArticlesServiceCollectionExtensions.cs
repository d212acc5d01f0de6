using Conversational.Knowledge.Articles;
using Conversational.Storage;

namespace Microsoft.Extensions.DependencyInjection;

public static class KnowledgeArticlesServiceCollectionExtensions
{
    /// <summary>The knowledge entries: their tables, store, change feed and the demo knowledge.</summary>
    public static IServiceCollection AddKnowledgeArticles(this IServiceCollection services)
    {
        services.AddSchemaMigration(KnowledgeSchema.V1);
        services.AddSingleton<KnowledgeChangeFeed>();
        services.AddSingleton<IKnowledgeChanges>(sp => sp.GetRequiredService<KnowledgeChangeFeed>());
        services.AddSingleton<IDatabaseNotificationHandler>(sp => sp.GetRequiredService<KnowledgeChangeFeed>());
        services.AddSingleton<SqlKnowledgeStore>();
        services.AddSingleton<KnowledgeSearchText>();
        services.AddSingleton<IDemoSeed, DemoKnowledgeSeed>();
        return services;
    }
}
