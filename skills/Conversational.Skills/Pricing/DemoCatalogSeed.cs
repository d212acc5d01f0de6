using Conversational.Storage;

namespace Conversational.Skills.Pricing;

/// <summary>
/// Writes the demo catalog's products and coupons with their windows moved so that the demo's day is today in China
/// (<see cref="DemoCatalog.ShiftedTo"/>): started any day, 双十一 ended eleven days ago, 冬季特惠 runs, the store coupons
/// have a week left. Unlike the other seeds it writes the demo rows again on every start (rows of other SKUs and ids are
/// left alone), because a catalog seeded weeks ago would by now have every coupon expired.
/// </summary>
public sealed class DemoCatalogSeed(CatalogStore store, TimeProvider time) : IDemoSeed
{
    private static readonly TimeSpan ChinaStandardTime = TimeSpan.FromHours(8);

    public string Name => "demo-catalog";

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        var today = DateOnly.FromDateTime(time.GetUtcNow().ToOffset(ChinaStandardTime).DateTime);
        var catalog = DemoCatalog.Load().ShiftedTo(today);
        await store.SaveAsync(catalog.Products, catalog.Coupons, cancellationToken);
    }
}
