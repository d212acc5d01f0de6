using System.Globalization;
using Conversational.Bots.Copilot;
using Conversational.Handoff.Copilot;
using Conversational.Skills.Installments;
using Conversational.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Conversational.Bots.Tests.Copilot;

/// <summary>
/// The copilot beside demo customers' chats, on the demo data: suggestions for the business the customer was in, the
/// disclosure checklist ticked by the agent's own words, the shelf and its compliance rules, and opening detection.
/// </summary>
public sealed class AgentCopilotTests : IAsyncLifetime
{
    private BotHost _host = null!;

    public async Task InitializeAsync() =>
        _host = await BotHost.StartAsync(StoreKind.Sqlite, settings: new Dictionary<string, string?> { ["Storage:SeedDemoData"] = "true" });

    public async Task DisposeAsync() => await _host.DisposeAsync();

    /// <summary>c1005 (gold, VIP 5, card holder) picks 12 periods for their ¥6,420.80 statement, then asks for a person.</summary>
    private async Task<CopilotChat> InstallmentHandoffAsync()
    {
        var chat = await CopilotChat.StartAsync(_host, "c1005");
        await chat.SayAsync("账单分期", "12期", "转人工");
        await chat.TakeAsync();
        return chat;
    }

    [Fact]
    public async Task An_installment_handoff_puts_installment_scripts_first_with_the_amount_filled()
    {
        var chat = await InstallmentHandoffAsync();

        var view = await chat.ViewAsync();
        var catalog = await chat.CatalogAsync();

        Assert.Equal((CopilotBusinesses.Installment, "zh-CN"), (view.Business, view.Language));
        var first = view.Suggestions[0];
        Assert.Equal("script", first.Kind);
        Assert.Equal(CopilotBusinesses.Installment, catalog.Scripts.Single(s => $"script:{s.Id}" == first.Id).Business);
        Assert.Contains(view.Suggestions, s => s.Text.Contains("¥6,420.80", StringComparison.Ordinal));
        Assert.True(view.Suggestions.Count <= AgentCopilot.MaxSuggestions);
        Assert.Equal(view.Suggestions.OrderByDescending(s => s.Score).Select(s => s.Id), view.Suggestions.Select(s => s.Id));
    }

    [Fact]
    public async Task The_installment_disclosures_start_unticked_and_a_paraphrase_ticks_the_one_it_says()
    {
        var chat = await InstallmentHandoffAsync();
        var before = await chat.ViewAsync();

        var seq = await chat.AgentSaysAsync("跟您说一下，办理成功以后期数金额就没法再改了哦");
        var after = await chat.ViewAsync();

        Assert.Equal(4, before.Disclosures.Count);
        Assert.All(before.Disclosures, d => Assert.False(d.Ticked));
        var ticked = Assert.Single(after.Disclosures, d => d.Ticked);
        Assert.Equal(seq, ticked.TickedBySeq);
    }

    [Fact]
    public async Task The_annualized_rate_disclosure_states_the_chosen_plans_own_fees_and_rate()
    {
        var chat = await InstallmentHandoffAsync();
        var plan = InstallmentCalculator.Plan(6420.80m, 12, 0.0060m);

        var wording = (await chat.ViewAsync()).Disclosures.Single(d => d.Id == "installment.annualized-rate.zh").Wording;

        Assert.DoesNotContain("{", wording, StringComparison.Ordinal);
        Assert.Contains("分12期", wording, StringComparison.Ordinal);
        Assert.Contains("¥" + plan.FeePerPeriod.ToString("#,##0.00", CultureInfo.InvariantCulture), wording, StringComparison.Ordinal);
        Assert.Contains((plan.AnnualizedRate * 100m).ToString("0.00", CultureInfo.InvariantCulture) + "%", wording, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Saying_each_standard_wording_ticks_every_disclosure()
    {
        var chat = await InstallmentHandoffAsync();

        foreach (var disclosure in (await chat.ViewAsync()).Disclosures)
        {
            await chat.AgentSaysAsync(disclosure.Wording);
        }

        Assert.All((await chat.ViewAsync()).Disclosures, d => Assert.True(d.Ticked, d.Id));
    }

    [Fact]
    public async Task An_eligible_customer_sees_offers_that_are_not_ready_until_the_problem_is_solved()
    {
        var chat = await InstallmentHandoffAsync();
        var before = await chat.ViewAsync();

        await chat.SayAsync("好的谢谢");
        var after = await chat.ViewAsync();

        Assert.NotEmpty(before.Offers);
        Assert.Null(before.OffersBlockedBy);
        Assert.All(before.Offers, o => Assert.False(o.Ready, o.OfferId));
        Assert.All(after.Offers, o => Assert.True(o.Ready, o.OfferId));
    }

    [Fact]
    public async Task A_customer_who_opted_out_of_marketing_sees_no_offer()
    {
        var chat = await CopilotChat.StartAsync(_host, "c1008");
        await chat.SayAsync("账单分期", "转人工");
        await chat.TakeAsync();

        var view = await chat.ViewAsync();

        Assert.Empty(view.Offers);
        Assert.Equal("opted_out", view.OffersBlockedBy);
    }

    [Fact]
    public async Task A_complaint_flagged_in_the_chat_blocks_the_shelf()
    {
        var chat = await InstallmentHandoffAsync();

        await chat.SayAsync("你们再这样我就打12315投诉你们");
        var view = await chat.ViewAsync();

        Assert.Empty(view.Offers);
        Assert.Equal("open_complaint", view.OffersBlockedBy);
    }

    [Fact]
    public async Task A_pitch_and_a_yes_are_logged_once_as_accepted_however_often_the_copilot_runs()
    {
        var chat = await InstallmentHandoffAsync();
        await chat.SayAsync("好的谢谢");
        var offer = (await chat.ViewAsync()).Offers[0];

        await chat.AgentSaysAsync(offer.Pitch);
        await chat.SayAsync("好的，帮我办");
        var detection = _host.Services.GetRequiredService<OpeningDetection>();
        await detection.ObserveAsync(chat.ConversationId, CancellationToken.None);
        await chat.ViewAsync();
        var view = await chat.ViewAsync();

        var logged = Assert.Single(await chat.LoggedPitchesAsync());
        Assert.Equal((offer.OfferId, offer.ScriptId, CopilotChat.AgentId, OfferResponse.Accepted),
            (logged.OfferId, logged.ScriptId, logged.AgentId, logged.Response));
        var shown = Assert.Single(view.Offers, o => o.OfferId == offer.OfferId);
        Assert.Equal((true, "accepted"), (shown.Pitched, shown.Response));
    }

    [Fact]
    public async Task An_agent_message_that_pitches_nothing_logs_nothing()
    {
        var chat = await InstallmentHandoffAsync();
        await chat.SayAsync("好的谢谢");

        await chat.AgentSaysAsync("不客气，还有其他可以帮您的吗？");
        await chat.SayAsync("好的");

        Assert.Empty(await chat.LoggedPitchesAsync());
        Assert.All((await chat.ViewAsync()).Offers, o => Assert.Equal((false, null), (o.Pitched, o.Response)));
    }

    [Fact]
    public async Task An_english_chat_gets_english_scripts_and_disclosures()
    {
        var chat = await CopilotChat.StartAsync(_host, "c1009", "en");
        await chat.SayAsync("I want to pay my bill in installments", "talk to an agent");
        await chat.TakeAsync();

        var view = await chat.ViewAsync();
        var catalog = await chat.CatalogAsync();

        Assert.Equal("en", view.Language);
        var scripts = view.Suggestions.Where(s => s.Kind == "script").ToList();
        Assert.NotEmpty(scripts);
        Assert.All(scripts, s => Assert.Equal("en", catalog.Scripts.Single(c => $"script:{c.Id}" == s.Id).Language));
        Assert.All(view.Disclosures, d => Assert.Equal("en", catalog.Disclosures.Single(c => c.Id == d.Id).Language));
    }

    [Fact]
    public async Task The_ticket_draft_uses_the_business_template_with_its_fields_first_and_filled_from_the_slots()
    {
        var chat = await InstallmentHandoffAsync();

        var draft = (await chat.ViewAsync()).TicketDraft;

        var template = TicketTemplates.For(CopilotBusinesses.Installment);
        Assert.Equal((template.Kind, template.TitleZh), (draft.Kind, draft.Title));
        Assert.Equal(template.Fields, draft.Fields.Keys.Take(template.Fields.Count));
        Assert.Equal("¥6,420.80", draft.Fields["amount"]);
        Assert.Equal("3018", draft.Fields["card_last4"]);
        Assert.StartsWith("客户在账单分期", draft.Text, StringComparison.Ordinal);
    }
}
