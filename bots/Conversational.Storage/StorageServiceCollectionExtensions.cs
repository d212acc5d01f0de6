using Conversational.Storage;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Microsoft.Extensions.DependencyInjection;

public static class StorageServiceCollectionExtensions
{
    /// <summary>Registers the configured <see cref="Database"/>, the migrator and the start-up initializer.</summary>
    public static IHostApplicationBuilder AddStorage(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<StorageOptions>()
            .BindConfiguration(StorageOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();

        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<Database>(sp => CreateDatabase(sp.GetRequiredService<IOptions<StorageOptions>>().Value));
        builder.Services.AddSingleton<SchemaMigrator>();
        builder.Services.AddHostedService<DatabaseInitializer>();
        builder.Services.AddSingleton<DatabaseNotificationListener>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<DatabaseNotificationListener>());
        return builder;
    }

    /// <summary>Adds an area's migration; areas call this from their own <c>Add{Area}()</c>.</summary>
    public static IServiceCollection AddSchemaMigration(this IServiceCollection services, SchemaMigration migration) =>
        services.AddSingleton(migration);

    public static Database CreateDatabase(StorageOptions options) => options.Provider switch
    {
        DatabaseProvider.Sqlite => new SqliteDatabase(options.SqlitePath),
        DatabaseProvider.PostgreSql => new PostgresDatabase(NpgsqlDataSource.Create(options.PostgreSqlConnectionString!)),
        _ => throw new InvalidOperationException($"Unknown storage provider '{options.Provider}'."),
    };
}
