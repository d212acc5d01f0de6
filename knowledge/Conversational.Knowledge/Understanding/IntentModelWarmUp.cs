using Microsoft.Extensions.Hosting;

namespace Conversational.Knowledge.Understanding;

/// <summary>Loads (or trains) the intent model while the host starts, so no customer's first message waits for it.</summary>
public sealed class IntentModelWarmUp(IntentModelProvider provider) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken) => await provider.GetAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
