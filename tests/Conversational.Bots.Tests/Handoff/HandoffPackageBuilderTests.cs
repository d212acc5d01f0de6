using Conversational.Bots.Conversations;
using Conversational.Bots.Handoff;
using Conversational.Handoff.Packages;
using Conversational.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Conversational.Bots.Tests.Handoff;

/// <summary>A real conversation through the runtime (an installment up to the plan, then 转人工) read into a package.</summary>
public sealed class HandoffPackageBuilderTests : IAsyncLifetime
{
    private BotHost _host = null!;
    private string _conversation = "";

    public async Task InitializeAsync()
    {
        _host = await BotHost.StartAsync(StoreKind.Sqlite, settings: new Dictionary<string, string?> { ["Storage:SeedDemoData"] = "true" });
        _conversation = (await _host.Runtime.StartAsync("c1003", "app", "zh-CN", CancellationToken.None)).ConversationId;
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task No_package_exists_before_anyone_asks_for_a_person()
    {
        await SayAsync("账单分期");

        Assert.Null(await PackageAsync());
    }

    [Fact]
    public async Task A_handoff_at_the_plan_step_carries_the_skill_its_slots_and_a_summary_of_them()
    {
        await SayAsync("账单分期");
        await SayAsync("12期");
        await SayAsync("转人工");

        var package = (await PackageAsync())!;

        Assert.Equal(HandoffPackage.CurrentVersion, package.SchemaVersion);
        Assert.Equal("customer_asked", package.Handoff.Reason);
        Assert.Equal(("bill_installment", "AwaitingConfirmation"), (package.Skill!.Skill, package.Skill.Step));
        Assert.Equal(12, package.Skill.Slots.GetProperty("offer").GetProperty("periods").GetInt32());
        Assert.StartsWith("客户在账单分期「确认方案」步骤要求转人工；已选12期；金额¥", package.Summary.ZhCn, StringComparison.Ordinal);
        Assert.EndsWith("情绪：平稳", package.Summary.ZhCn, StringComparison.Ordinal);
        Assert.Contains("12 periods chosen", package.Summary.En, StringComparison.Ordinal);
        Assert.Equal(["bill_installment", "transfer_to_human"], package.Intents.Select(i => i.Intent).Where(i => i != "out_of_scope").Distinct());
        Assert.Equal(("c1003", "张*", 2, true), (package.Customer.Id, package.Customer.Name, package.Customer.VipLevel, package.Customer.Vip));
    }

    [Fact]
    public async Task The_transcript_keeps_every_message_in_order_with_who_said_it()
    {
        await SayAsync("账单分期");
        await SayAsync("转人工");

        var package = (await PackageAsync())!;
        var customer = package.Transcript.Where(m => m.From == PackageSpeakers.Customer).Select(m => m.Text);

        Assert.Equal(["账单分期", "转人工"], customer);
        Assert.Equal(PackageSpeakers.Bot, package.Transcript[0].From);
        Assert.True(package.Transcript.Zip(package.Transcript.Skip(1)).All(pair => pair.First.At <= pair.Second.At));
    }

    [Fact]
    public async Task Phone_numbers_in_the_transcript_are_masked_but_the_words_around_them_are_not()
    {
        await SayAsync("我的手机是13812345678，转人工");

        var package = (await PackageAsync())!;

        Assert.Contains(package.Transcript, m => m.Text == "我的手机是138****5678，转人工");
        Assert.DoesNotContain("13812345678", System.Text.Json.JsonSerializer.Serialize(package, HandoffPackageJson.Options), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Repeated_app_behaviour_is_one_timeline_entry_with_its_count()
    {
        await SayAsync("账单分期");
        for (var i = 0; i < 3; i++)
        {
            await _host.Runtime.RecordAsync(_conversation, new CustomerBehaviour("viewed_page", "分期页面"), CancellationToken.None);
        }

        await SayAsync("转人工");

        var package = (await PackageAsync())!;
        var viewed = Assert.Single(package.Timeline, e => e.Source == PackageSources.App);
        Assert.Equal(("viewed_page", "分期页面", 3), (viewed.Kind, viewed.Detail, viewed.Count));
        Assert.NotNull(viewed.LastAt);
        var kinds = package.Timeline.Select(e => e.Kind).ToList();
        Assert.True(kinds.IndexOf("viewed_page") < kinds.IndexOf("handoff_requested"));
        Assert.Equal("started", kinds[0]);
    }

    [Fact]
    public async Task A_complaint_threat_is_on_the_emotion_trajectory_and_in_the_summary()
    {
        await SayAsync("再不处理我就打12315投诉你们");
        await SayAsync("转人工");

        var package = (await PackageAsync())!;

        var emotion = Assert.Single(package.Emotions);
        Assert.Equal("ComplaintThreat", emotion.Kind);
        Assert.Contains("情绪：投诉威胁", package.Summary.ZhCn, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_time_waited_runs_from_the_request_until_an_agent_takes_it()
    {
        await SayAsync("转人工");
        var requested = (await PackageAsync())!.Handoff.RequestedAt;

        var waiting = HandoffPackageBuilder.Build((await _host.Store.FindAsync(_conversation, CancellationToken.None))!,
            await _host.Store.ReadAsync(_conversation, 0, CancellationToken.None), null, requested.AddSeconds(90))!;
        Assert.Equal(90, waiting.Handoff.WaitedSeconds, precision: 3);
        Assert.Null(waiting.Handoff.AssignedAt);

        await _host.Runtime.RecordAsync(_conversation, new AgentAssigned("a1"), CancellationToken.None);
        var events = await _host.Store.ReadAsync(_conversation, 0, CancellationToken.None);
        var taken = HandoffPackageBuilder.Build((await _host.Store.FindAsync(_conversation, CancellationToken.None))!, events, null,
            requested.AddHours(5))!;
        Assert.Equal(events[^1].OccurredAt, taken.Handoff.AssignedAt);
        Assert.Equal((events[^1].OccurredAt - requested).TotalSeconds, taken.Handoff.WaitedSeconds, precision: 3);
    }

    [Fact]
    public async Task Agent_messages_are_in_the_transcript_as_the_agents_and_the_queue_and_assignment_on_the_timeline()
    {
        // Recorded as the bot and the desk record them; whether 转人工 queues depends on the hour (outside it, a message is offered).
        await _host.Runtime.RecordAsync(_conversation, new HandoffRequested("customer_asked"), CancellationToken.None);
        await _host.Runtime.RecordAsync(_conversation, new HandoffQueued("general", 10), CancellationToken.None);
        await _host.Runtime.RecordAsync(_conversation, new AgentAssigned("agent1"), CancellationToken.None);
        await _host.Runtime.RecordAsync(_conversation, new AgentReplied(new Bots.Activities.Activity
        {
            Type = Bots.Activities.ActivityTypes.Message,
            From = new Bots.Activities.ChannelAccount("agent1", "坐席 小王", Bots.Activities.RoleTypes.Agent),
            Text = "您好，我是小王，请把手机号13812345678发我确认一下",
        }), CancellationToken.None);
        await _host.Runtime.RecordAsync(_conversation, new HandoffTransferred("agent1", null, "card", "分期问题"), CancellationToken.None);
        await _host.Runtime.RecordAsync(_conversation, new HandoffClosed("agent1", "resolved"), CancellationToken.None);

        var package = (await PackageAsync())!;

        var agent = Assert.Single(package.Transcript, m => m.From == PackageSpeakers.Agent);
        Assert.Equal("您好，我是小王，请把手机号138****5678发我确认一下", agent.Text);
        var kinds = package.Timeline.Select(e => e.Kind).ToList();
        Assert.Equal(["handoff_requested", "queued", "agent_assigned", "transferred", "closed"],
            kinds.SkipWhile(k => k != "handoff_requested").Where(k => k is not ("message" or "intent" or "emotion")));
        Assert.Equal("agent1 → card", Assert.Single(package.Timeline, e => e.Kind == "transferred").Detail);
    }

    private Task SayAsync(string text) =>
        _host.Runtime.ProcessAsync(_conversation, Messages.From("c1003", _conversation, text), null, CancellationToken.None);

    private Task<HandoffPackage?> PackageAsync() =>
        _host.Services.GetRequiredService<HandoffPackages>().FindAsync(_conversation, CancellationToken.None);
}
