using Conversational.Handoff.Copilot;
using Conversational.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Conversational.Handoff.Tests.Copilot.Offers;

public sealed class CopilotOffersServiceCollectionExtensionsTests
{
    [Fact]
    public async Task AddCopilotOffers_RegistersTheLogAndItsMigration()
    {
        var directory = Directory.CreateTempSubdirectory("offers-di.");
        var services = new ServiceCollection()
            .AddSingleton(TimeProvider.System)
            .AddSingleton<Database>(new SqliteDatabase(Path.Combine(directory.FullName, "offers.db")))
            .AddCopilotOffers();
        await using (var provider = services.BuildServiceProvider())
        {
            Assert.Contains(OfferSchema.V1, provider.GetServices<SchemaMigration>());
            Assert.NotNull(provider.GetRequiredService<OfferLog>());
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        directory.Delete(recursive: true);
    }
}
