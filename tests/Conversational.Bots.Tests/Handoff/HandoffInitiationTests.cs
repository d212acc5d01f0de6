using System.Text.Json;
using Conversational.Bots.Conversations;
using Conversational.Bots.Handoff;
using Conversational.Testing;

namespace Conversational.Bots.Tests.Handoff;

/// <summary>The package as a Bot Framework <c>handoff.initiate</c> event: its JSON shape, as a hub reads it.</summary>
public sealed class HandoffInitiationTests : IAsyncLifetime
{
    private BotHost _host = null!;
    private JsonElement _event;

    public async Task InitializeAsync()
    {
        _host = await BotHost.StartAsync(StoreKind.Sqlite, settings: new Dictionary<string, string?> { ["Storage:SeedDemoData"] = "true" });
        var conversation = (await _host.Runtime.StartAsync("c1003", "app", "zh-CN", CancellationToken.None)).ConversationId;
        foreach (var text in new[] { "账单分期", "我的手机13812345678，转人工" })
        {
            await _host.Runtime.ProcessAsync(conversation, Messages.From("c1003", conversation, text), null, CancellationToken.None);
        }

        var record = (await _host.Store.FindAsync(conversation, CancellationToken.None))!;
        var events = await _host.Store.ReadAsync(conversation, 0, CancellationToken.None);
        var package = HandoffPackageBuilder.Build(record, events, null, DateTimeOffset.UtcNow)!;
        _event = JsonSerializer.SerializeToElement(HandoffInitiation.For(package, events), ConversationJson.Options);
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public void It_is_an_event_named_handoff_initiate_on_the_same_conversation()
    {
        Assert.Equal("event", _event.GetProperty("type").GetString());
        Assert.Equal("handoff.initiate", _event.GetProperty("name").GetString());
        Assert.Equal(_event.GetProperty("value").GetProperty("conversationId").GetString(),
            _event.GetProperty("conversation").GetProperty("id").GetString());
        Assert.Equal("app", _event.GetProperty("channelId").GetString());
    }

    [Fact]
    public void Its_value_is_the_package_with_reason_skill_and_summary()
    {
        var value = _event.GetProperty("value");

        Assert.Equal("1.0", value.GetProperty("schemaVersion").GetString());
        Assert.Equal("customer_asked", value.GetProperty("handoff").GetProperty("reason").GetString());
        Assert.Equal("bill_installment", value.GetProperty("skill").GetProperty("skill").GetString());
        Assert.StartsWith("客户在账单分期", value.GetProperty("summary").GetProperty("zhCn").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void It_replies_to_the_customer_message_that_asked_for_a_person()
    {
        var replyTo = _event.GetProperty("replyToId").GetString();
        var activities = _event.GetProperty("attachments")[0].GetProperty("content").GetProperty("activities");

        var asked = activities.EnumerateArray().Single(a => a.GetProperty("id").GetString() == replyTo);
        Assert.Equal("我的手机138****5678，转人工", asked.GetProperty("text").GetString());
    }

    [Fact]
    public void Its_one_attachment_is_the_transcript_of_masked_message_activities()
    {
        var attachment = Assert.Single(_event.GetProperty("attachments").EnumerateArray());
        Assert.Equal(("application/json", "Transcript"), (attachment.GetProperty("contentType").GetString(), attachment.GetProperty("name").GetString()));

        var activities = attachment.GetProperty("content").GetProperty("activities").EnumerateArray().ToList();
        Assert.All(activities, a => Assert.Equal("message", a.GetProperty("type").GetString()));
        Assert.Equal(["账单分期", "我的手机138****5678，转人工"],
            activities.Where(a => a.GetProperty("from").GetProperty("role").GetString() == "user").Select(a => a.GetProperty("text").GetString()));
        Assert.DoesNotContain("13812345678", _event.GetRawText(), StringComparison.Ordinal);
    }
}
