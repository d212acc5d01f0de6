using Conversational.Storage;
using Microsoft.Extensions.Options;

namespace Conversational.Skills.Returns;

/// <summary>
/// Puts the demo orders, stock and tickets (<see cref="DemoOrders"/>) in a store that has no orders yet, moved so that
/// the demo's "today" is today in the shop's time zone: a demo started any day has an order delivered two days ago,
/// one whose seven days just ran out, and so on. Once seeded, later starts leave the data as it is.
/// </summary>
public sealed class DemoReturnsSeed(Database database, OrderStore orders, RmaStore rmas, TimeProvider time, IOptions<ReturnPolicy> policy)
    : IDemoSeed
{
    public string Name => "demo-orders";

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        var today = DateOnly.FromDateTime(time.GetUtcNow().ToOffset(policy.Value.UtcOffset).DateTime);
        var demo = DemoOrders.LoadEmbedded().ShiftedTo(today);

        await using var transaction = await database.BeginWriteAsync(cancellationToken);
        if (await OrderStore.AnyAsync(transaction, cancellationToken))
        {
            return;
        }

        foreach (var order in demo.Orders)
        {
            await orders.AddIfMissingAsync(transaction, order, cancellationToken);
        }

        foreach (var sku in demo.Stock.Skus)
        {
            var position = 0;
            foreach (var size in demo.Stock.Sizes(sku))
            {
                await StockStore.AddIfMissingAsync(transaction, sku, size, demo.Stock.Available(sku, size), position++, cancellationToken);
            }
        }

        foreach (var rma in demo.Rmas)
        {
            await rmas.AddIfMissingAsync(transaction, rma, cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }
}
