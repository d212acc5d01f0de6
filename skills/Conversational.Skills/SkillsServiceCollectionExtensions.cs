using Conversational.Skills.Outbox;
using Microsoft.Extensions.Hosting;

namespace Microsoft.Extensions.DependencyInjection;

public static class SkillsServiceCollectionExtensions
{
    /// <summary>The self-service skills: their dialogs, stores and demo data.</summary>
    public static IHostApplicationBuilder AddSkills(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddSchemaMigration(DomainEventOutbox.Schema);
        services.AddSingleton<DomainEventOutbox>();
        return builder;
    }
}
