using Microsoft.Extensions.Hosting;

namespace Conversational.Handoff.Assignment;

/// <summary>Expires offers, overflows queues and offers waiting customers to agents, on every change and every second.</summary>
public sealed class HandoffAssigner : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) => throw new NotImplementedException();
}
