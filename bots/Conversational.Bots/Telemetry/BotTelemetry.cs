using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Conversational.Bots.Telemetry;

/// <summary>The runtime's traces and metrics; the host exports them over OTLP when configured.</summary>
public sealed class BotTelemetry : IDisposable
{
    public const string Name = "Conversational.Bots";

    private readonly Meter _meter;

    public BotTelemetry(IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        _meter = meterFactory.Create(Name);
        Turns = _meter.CreateCounter<long>("conversational.turns", description: "Customer turns processed");
        TurnErrors = _meter.CreateCounter<long>("conversational.turn.errors", description: "Turns that ended in the error boundary");
        TurnDuration = _meter.CreateHistogram<double>("conversational.turn.duration", unit: "ms",
            description: "Time from receiving a customer activity to storing the bot's reply");
    }

    public static ActivitySource Source { get; } = new(Name);

    public Counter<long> Turns { get; }

    public Counter<long> TurnErrors { get; }

    public Histogram<double> TurnDuration { get; }

    public void Dispose() => _meter.Dispose();
}
