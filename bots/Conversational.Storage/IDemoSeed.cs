namespace Conversational.Storage;

/// <summary>
/// Demo data one area puts in a fresh database so the product is usable on first start. Each seed must be
/// idempotent (insert only what is missing), since it runs on every start when seeding is on.
/// </summary>
public interface IDemoSeed
{
    string Name { get; }

    Task SeedAsync(CancellationToken cancellationToken);
}
