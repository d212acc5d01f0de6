using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Conversational.Bots.Telemetry;
using Conversational.Knowledge.Understanding;
using Conversational.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Conversational.Bots.Tests.Telemetry;

public sealed class BotTelemetryTests
{
    [Fact]
    public async Task EachTurn_CountsOnce_RecordsItsDuration_AndCountsErrors()
    {
        var understanding = new SwitchableUnderstanding();
        await using var host = await BotHost.StartAsync(StoreKind.Sqlite, configureServices: services =>
            services.AddSingleton<IUnderstanding>(understanding));
        var measurements = new ConcurrentQueue<(string Instrument, double Value)>();
        using var listener = new MeterListener();
        var meter = host.Services.GetRequiredService<BotTelemetry>().Turns.Meter;
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (ReferenceEquals(instrument.Meter, meter))
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, _, _) => measurements.Enqueue((instrument.Name, value)));
        listener.SetMeasurementEventCallback<double>((instrument, value, _, _) => measurements.Enqueue((instrument.Name, value)));
        listener.Start();
        var conversation = (await host.Runtime.StartAsync("c1", "test", "zh-CN", default)).ConversationId;

        await host.Runtime.ProcessAsync(conversation, Messages.From("c1", conversation, "你好"), null, default);
        understanding.Failing = true;
        await host.Runtime.ProcessAsync(conversation, Messages.From("c1", conversation, "你好"), null, default);

        Assert.Equal(2, measurements.Count(m => m.Instrument == "conversational.turns"));
        Assert.Equal(2, measurements.Count(m => m.Instrument == "conversational.turn.duration" && m.Value > 0));
        Assert.Equal(1, measurements.Count(m => m.Instrument == "conversational.turn.errors"));
    }

}
