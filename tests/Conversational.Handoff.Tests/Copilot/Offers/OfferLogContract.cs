using Conversational.Handoff.Copilot;
using Conversational.Storage;
using Conversational.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Conversational.Handoff.Tests.Copilot.Offers;

/// <summary>The 启齿率 log on a real database: idempotent upserts, pitch counts for caps, and opening statistics.</summary>
public abstract class OfferLogContract : IAsyncLifetime
{
    private static readonly DateTimeOffset Start = new(2026, 11, 23, 2, 0, 0, TimeSpan.Zero);

    private TestDatabase _testDatabase = null!;
    private Database _database = null!;

    private FakeTimeProvider Time { get; } = new(Start);

    private OfferLog Log { get; set; } = null!;

    protected abstract Task<TestDatabase> CreateDatabaseAsync();

    public async Task InitializeAsync()
    {
        _testDatabase = await CreateDatabaseAsync();
        _database = _testDatabase.Open();
        await new SchemaMigrator(_database, [OfferSchema.V1], TimeProvider.System, NullLogger<SchemaMigrator>.Instance).MigrateAsync(default);
        Log = new OfferLog(_database, Time);
    }

    public async Task DisposeAsync()
    {
        await _database.DisposeAsync();
        _testDatabase.Dispose();
    }

    [Fact]
    public async Task Stats_CountEligiblePitchedAndAnswersPerAgentOfferAndScript()
    {
        await RecordScenarioAsync();

        var stats = await Log.StatsAsync(Start, Start.AddHours(1), default);

        // conv1 (a1): A, B eligible, A pitched with A1, accepted; conv2 (a1): A eligible, pitched with A2, declined;
        // conv3 (a2): A, B eligible, B pitched with B1, no answer; conv4 (a2): B eligible only. conv5 is outside the hour.
        Assert.Equal([new("a1", 3, 2, 1, 1), new("a2", 3, 1, 0, 0)], stats.ByAgent);
        Assert.Equal([new("offer.a", 3, 2, 1, 1), new("offer.b", 3, 1, 0, 0)], stats.ByOffer);
        Assert.Equal([new("script.a1", 1, 1, 1, 0), new("script.a2", 1, 1, 0, 1), new("script.b1", 1, 1, 0, 0)], stats.ByScript);
        Assert.Equal((2 / 3d, 0.5), (stats.ByAgent[0].Rate, stats.ByAgent[0].Conversion));
    }

    [Fact]
    public async Task RecordingEverythingTwice_ChangesNothing()
    {
        await RecordScenarioAsync();
        var once = await Log.StatsAsync(Start, Start.AddDays(2), default);
        var pitchesOnce = await Log.ForConversationAsync("conv1", default);

        Time.Advance(TimeSpan.FromMinutes(5));
        await RecordScenarioAsync();
        var twice = await Log.StatsAsync(Start, Start.AddDays(2), default);

        Assert.Equal(once.ByAgent, twice.ByAgent);
        Assert.Equal(once.ByOffer, twice.ByOffer);
        Assert.Equal(once.ByScript, twice.ByScript);
        Assert.Equal(pitchesOnce, await Log.ForConversationAsync("conv1", default));
    }

    [Fact]
    public async Task AnAnswer_ReplacesNoAnswer_ButNoAnswerNeverErasesAnAnswer()
    {
        var pitch = Pitch("conv1", "offer.a", "u1", "a1", "script.a1", OfferResponse.NoAnswer);
        await Log.RecordPitchAsync(pitch, default);
        await Log.RecordPitchAsync(pitch with { Response = OfferResponse.Accepted }, default);
        await Log.RecordPitchAsync(pitch with { Response = OfferResponse.NoAnswer, PitchedAt = pitch.PitchedAt.AddMinutes(2) }, default);

        Assert.Equal([pitch with { Response = OfferResponse.Accepted }], await Log.ForConversationAsync("conv1", default));
    }

    [Fact]
    public async Task ALaterPitch_KeepsTheFirstPitchsTimeAgentAndScript()
    {
        var first = Pitch("conv1", "offer.a", "u1", "a1", "script.a1", OfferResponse.NoAnswer);
        await Log.RecordPitchAsync(first, default);
        await Log.RecordPitchAsync(first with { AgentId = "a2", ScriptId = "script.a2", PitchedAt = first.PitchedAt.AddMinutes(3),
            Response = OfferResponse.Declined }, default);

        Assert.Equal([first with { Response = OfferResponse.Declined }], await Log.ForConversationAsync("conv1", default));
    }

    [Fact]
    public async Task APitchNeverRecordedEligible_CountsAsEligibleToo()
    {
        await Log.RecordPitchAsync(Pitch("conv1", "offer.a", "u1", "a1", "script.a1", OfferResponse.NoAnswer), default);

        var stats = await Log.StatsAsync(Start, Start.AddHours(1), default);

        Assert.Equal([new("offer.a", 1, 1, 0, 0)], stats.ByOffer);
    }

    [Fact]
    public async Task PitchCounts_AreConversationsPitchedToTheCustomerSinceTheGivenTime()
    {
        await RecordScenarioAsync();

        Assert.Equal(new Dictionary<string, int> { ["offer.a"] = 2 }, await Log.PitchCountsAsync("u1", Start, default));
        Assert.Equal(new Dictionary<string, int> { ["offer.a"] = 1 }, await Log.PitchCountsAsync("u1", Start.AddHours(1), default));
        Assert.Empty(await Log.PitchCountsAsync("u4", Start, default));
    }

    [Fact]
    public async Task AConversationsPitches_LeaveOutOffersOnlyEligible()
    {
        await RecordScenarioAsync();

        Assert.Equal(["offer.b"], (await Log.ForConversationAsync("conv3", default)).Select(p => p.OfferId));
        Assert.Empty(await Log.ForConversationAsync("conv4", default));
    }

    // The scenario of the stats test; conv5 is the next day, outside its hour.
    private async Task RecordScenarioAsync()
    {
        await Log.RecordEligibleAsync("conv1", "u1", "a1", ["offer.a", "offer.b"], default);
        await Log.RecordPitchAsync(Pitch("conv1", "offer.a", "u1", "a1", "script.a1", OfferResponse.Accepted), default);
        await Log.RecordEligibleAsync("conv2", "u2", "a1", ["offer.a"], default);
        await Log.RecordPitchAsync(Pitch("conv2", "offer.a", "u2", "a1", "script.a2", OfferResponse.NoAnswer), default);
        await Log.RecordPitchAsync(Pitch("conv2", "offer.a", "u2", "a1", "script.a2", OfferResponse.Declined), default);
        await Log.RecordEligibleAsync("conv3", "u3", "a2", ["offer.a", "offer.b"], default);
        await Log.RecordPitchAsync(Pitch("conv3", "offer.b", "u3", "a2", "script.b1", OfferResponse.NoAnswer), default);
        await Log.RecordEligibleAsync("conv4", "u1", "a2", ["offer.b"], default);
        await Log.RecordPitchAsync(Pitch("conv5", "offer.a", "u1", "a1", "script.a1", OfferResponse.Accepted, Start.AddDays(1)), default);
    }

    private static OfferPitch Pitch(string conversationId, string offerId, string customerId, string agentId, string scriptId,
        OfferResponse response, DateTimeOffset? at = null) =>
        new(conversationId, offerId, customerId, agentId, scriptId, at ?? Start.AddMinutes(1), response);
}

public sealed class SqliteOfferLogTests : OfferLogContract
{
    protected override Task<TestDatabase> CreateDatabaseAsync() => Task.FromResult(TestDatabase.Sqlite("handoff"));
}

[Collection(PostgresCollection.Name)]
public sealed class PostgresOfferLogTests(PostgresFixture postgres) : OfferLogContract
{
    protected override Task<TestDatabase> CreateDatabaseAsync() => TestDatabase.PostgresAsync(postgres.Server, "handoff");
}
