using Conversational.Skills.Installments;
using Conversational.Skills.Outbox;
using Conversational.Storage;
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

        services.AddSchemaMigration(SqlInstallmentStore.Schema);
        services.AddSingleton<SqlInstallmentStore>();
        services.AddSingleton<IInstallmentStore>(sp => sp.GetRequiredService<SqlInstallmentStore>());
        services.AddSingleton<IDemoSeed, DemoCardsSeed>();
        return builder;
    }
}
