using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Conversational.Knowledge.Vectors;

/// <summary>Fills the in-process vector index from the database at start (after the migrations, which run first).</summary>
public sealed partial class VectorIndexLoader(PersistentVectorIndex index, ILogger<VectorIndexLoader> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var count = await index.LoadAsync(cancellationToken);
        LogLoaded(count, index.Model);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Loaded {Count} knowledge vectors of model {Model}")]
    private partial void LogLoaded(int count, string model);
}
