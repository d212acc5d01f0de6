using Conversational.Skills.Dialogs;
using Conversational.Skills.Installments;
using Conversational.Skills.Outbox;
using Conversational.Skills.Pricing;
using Conversational.Skills.Returns;
using Conversational.Storage;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

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
        AddPricing(services);
        AddInstallments(services);
        AddReturns(services);
        return builder;
    }

    /// <summary>到手价: the catalog store (products and coupons) with its demo catalog, and the dialog.</summary>
    private static void AddPricing(IServiceCollection services)
    {
        services.AddSchemaMigration(CatalogStore.Schema);
        services.AddSingleton<CatalogStore>();
        services.AddSingleton<IDemoSeed, DemoCatalogSeed>();
        services.AddSingleton<ISkillDialog, PriceDialog>();
    }

    /// <summary>账单分期: the product table, the statements store and its demo cards, one-time codes, and the dialog.</summary>
    private static void AddInstallments(IServiceCollection services)
    {
        services.AddOptions<InstallmentProductTable>()
            .BindConfiguration(InstallmentProductTable.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddTransient<IOptionsFactory<InstallmentProductTable>, InstallmentProductTableFactory>();

        services.AddSchemaMigration(SqlInstallmentStore.Schema);
        services.AddSingleton<SqlInstallmentStore>();
        services.AddSingleton<IInstallmentStore>(sp => sp.GetRequiredService<SqlInstallmentStore>());
        services.AddSingleton<IDemoSeed, DemoCardsSeed>();

        // The demo's sender writes codes to the log; production registers an SMS gateway after AddSkills().
        services.AddSingleton<IOneTimeCodeSender, LoggingOneTimeCodeSender>();
        services.AddSingleton<OneTimeCodeChallenge>();
        services.AddSingleton<ISkillDialog, InstallmentDialog>();
    }

    /// <summary>退换货: the policy, the orders, stock and tickets stores with their demo data, and the two dialogs.</summary>
    private static void AddReturns(IServiceCollection services)
    {
        services.AddOptions<ReturnPolicy>().BindConfiguration(ReturnPolicy.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton(sp => new ReturnPolicyCheck(sp.GetRequiredService<IOptions<ReturnPolicy>>().Value));
        services.AddSchemaMigration(ReturnsSchema.V1);
        services.AddSingleton<OrderStore>();
        services.AddSingleton<StockStore>();
        services.AddSingleton<RmaStore>();
        services.AddSingleton<IDemoSeed, DemoReturnsSeed>();
        services.AddSingleton<ISkillDialog, ReturnDialog>();
        services.AddSingleton<ISkillDialog, ReturnStatusDialog>();
    }
}
