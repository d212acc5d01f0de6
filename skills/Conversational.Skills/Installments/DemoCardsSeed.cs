using Conversational.Storage;

namespace Conversational.Skills.Installments;

/// <summary>
/// Puts the demo cards' statements in the store, dated as of today in China (<see cref="DemoCardSet.CardsOn"/>), so the demo
/// works whatever day it is started. A store started again on a later day gets a newer statement per card, which becomes
/// the one the dialog offers, as a real bank's next statement would.
/// </summary>
public sealed class DemoCardsSeed(SqlInstallmentStore store, TimeProvider time) : IDemoSeed
{
    public string Name => "demo-cards";

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        foreach (var statement in DemoCards.Load().CardsOn(ChinaTime.Today(time.GetUtcNow())))
        {
            await store.AddStatementIfMissingAsync(statement, cancellationToken);
        }
    }
}
