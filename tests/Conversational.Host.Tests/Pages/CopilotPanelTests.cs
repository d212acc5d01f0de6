using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Conversational.Host.Tests.Pages;

/// <summary>
/// The copilot issue's browser test, with two pages on one host: the demo card holder c1005 asks for a person in the
/// middle of a bill installment in the widget; on the agent desk the copilot panel suggests replies, ticks the mandatory
/// disclosures as the agent says them, readies an offer once the problem is solved, sees it pitched and accepted from
/// the messages alone, and drafts the ticket whose number reaches the customer.
/// </summary>
[Collection(HandoffPagesCollection.Name)]
public sealed class CopilotPanelTests(HandoffPagesFixture fixture) : IClassFixture<HandoffPagesFixture>, IAsyncLifetime
{
    private CopilotPages _pages = null!;

    private WidgetPage Widget => _pages.Widget;

    private DeskPage Desk => _pages.Desk;

    private CopilotPanel Copilot => _pages.Copilot;

    public async Task InitializeAsync()
    {
        SetDefaultExpectTimeout(15_000);
        _pages = await CopilotPages.OpenAsync(fixture);
    }

    public async Task DisposeAsync() => await _pages.DisposeAsync();

    [Fact]
    public async Task An_agent_is_guided_from_suggestions_through_the_disclosures_and_a_detected_pitch_to_a_ticket_from_the_draft()
    {
        await CopilotScenario.HandOverMidInstallmentAsync(Widget, Desk);

        // Suggestions and the installment disclosures are there as the chat opens; a dismissed suggestion is recorded and goes away.
        await Expect(Copilot.Suggestions.First).ToBeVisibleAsync();
        await Expect(Copilot.UntickedDisclosures.First).ToBeVisibleAsync();
        var dismissed = await CopilotPanel.IdOfAsync(Copilot.Suggestions.First, "data-suggestion-id");
        var dismissal = FeedbackAsync(dismissed);
        await Copilot.Button(Copilot.Suggestion(dismissed), "忽略").ClickAsync();
        await Expect(Copilot.Suggestion(dismissed)).ToHaveCountAsync(0);
        Assert.Contains("\"action\":\"dismissed\"", await dismissal, StringComparison.Ordinal);

        // Inserting a disclosure's standard wording and sending it ticks that disclosure.
        var disclosure = await CopilotPanel.IdOfAsync(Copilot.UntickedDisclosures.First, "data-disclosure-id");
        await Copilot.Button(Copilot.Disclosure(disclosure), "插入标准话术").ClickAsync();
        var wording = await Desk.SendAsIsAsync();
        await Expect(Copilot.Disclosure(disclosure)).ToHaveClassAsync(new Regex(@"\bcheck--ticked\b"));
        await Expect(Widget.AgentBubbles.Last).ToHaveTextAsync(wording);

        // A suggestion inserted, then edited before it is sent, is recorded as used and edited.
        var used = await CopilotPanel.IdOfAsync(Copilot.Suggestions.First, "data-suggestion-id");
        await Copilot.Button(Copilot.Suggestion(used), "插入").ClickAsync();
        var input = Desk.Page.GetByLabel("回复客户");
        await input.FillAsync(await input.InputValueAsync() + "（以账单为准）");
        var use = FeedbackAsync(used);
        await Desk.SendAsIsAsync();
        var recorded = await use;
        Assert.Contains("\"action\":\"used\"", recorded, StringComparison.Ordinal);
        Assert.Contains("\"edited\":true", recorded, StringComparison.Ordinal);

        // Once the customer's problem is solved an offer becomes ready; the pitch sent is detected without a click.
        await Widget.SayAsync("好的谢谢");
        await Expect(Copilot.ReadyOffers.First).ToBeVisibleAsync();
        var offer = await CopilotPanel.IdOfAsync(Copilot.ReadyOffers.First, "data-offer-id");
        await Expect(Copilot.OfferStatus(offer)).ToHaveAttributeAsync("data-status", "ready");
        await Copilot.Button(Copilot.Offer(offer), "插入推荐话术").ClickAsync();
        await Desk.SendAsIsAsync();
        await Expect(Copilot.OfferStatus(offer)).ToHaveAttributeAsync("data-status", "pitched");

        await Widget.SayAsync("好的，帮我办");
        await Expect(Copilot.OfferStatus(offer)).ToHaveAttributeAsync("data-status", "accepted");
        await Expect(Copilot.OfferStatus(offer)).ToHaveTextAsync("客户已接受");

        // The ticket draft opens the ticket dialog prefilled; the customer is told the number.
        await Copilot.TicketFromDraft.ClickAsync();
        var dialog = Desk.Page.Locator("#ticket-dialog");
        await Expect(dialog.GetByLabel("工单内容")).Not.ToHaveValueAsync("");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "创建工单" }).ClickAsync();
        await Expect(Desk.Notice).ToContainTextAsync("已创建，客户已收到工单号");
        var ticketId = Regex.Match(await Desk.Notice.TextContentAsync() ?? "", @"工单 (\S+) 已创建").Groups[1].Value;
        Assert.NotEmpty(ticketId);
        await Expect(Widget.Page.Locator("#messages")).ToContainTextAsync(ticketId);
        Assert.True(_pages.PageErrors.Count == 0, string.Join('\n', _pages.PageErrors));
    }

    [Fact]
    public async Task Closing_with_unsaid_mandatory_disclosures_lists_them_and_closes_only_when_the_agent_insists()
    {
        await CopilotScenario.HandOverMidInstallmentAsync(Widget, Desk);
        await Expect(Copilot.UntickedDisclosures.First).ToBeVisibleAsync();
        await Expect(Copilot.AiTools).ToBeHiddenAsync(); // no language model is configured: no AI buttons
        var unsaid = await Copilot.UntickedDisclosures.Locator(".check__title > span:first-child").AllTextContentsAsync();

        await Desk.Button("结束会话").ClickAsync();
        var dialog = Desk.Page.Locator("#close-dialog");
        await Expect(dialog.GetByLabel("处理结果").Locator("option").First).ToBeAttachedAsync();
        await dialog.GetByRole(AriaRole.Button, new() { Name = "结束会话" }).ClickAsync();

        await Expect(dialog.Locator("#close-missing-list li")).ToHaveTextAsync(unsaid);
        await dialog.GetByRole(AriaRole.Button, new() { Name = "取消" }).ClickAsync();
        await Expect(dialog).ToBeHiddenAsync();
        await Expect(Desk.Page.GetByLabel("回复客户")).ToBeEnabledAsync();

        await Desk.Button("结束会话").ClickAsync();
        await dialog.GetByRole(AriaRole.Button, new() { Name = "结束会话" }).ClickAsync();
        await dialog.GetByRole(AriaRole.Button, new() { Name = "仍然结束" }).ClickAsync();

        await Expect(Desk.Notice).ToHaveTextAsync("会话已结束。");
        await Expect(Desk.Chats).ToHaveCountAsync(0);
        Assert.True(_pages.PageErrors.Count == 0, string.Join('\n', _pages.PageErrors));
    }

    [Fact]
    public async Task The_layer_and_offer_reasons_are_worded_in_the_desks_language_with_their_points()
    {
        await CopilotScenario.HandOverMidInstallmentAsync(Widget, Desk);
        await Expect(Copilot.LayerReasons).ToHaveTextAsync(new Regex(@"^12个月消费¥[\d,]+(\.\d\d)? [+-]\d+"));
        await Expect(Copilot.OfferReasons.First).ToHaveTextAsync(new Regex(@"^优先级(\d+) \+\1 .*问题解决后再推荐$"));

        await Desk.Page.GetByRole(AriaRole.Button, new() { Name = "English", Exact = true }).ClickAsync();

        await Expect(Copilot.LayerReasons).ToHaveTextAsync(new Regex(@"^Spent ¥[\d,]+(\.\d\d)? in 12 months [+-]\d+"));
        await Expect(Copilot.OfferReasons.First).ToHaveTextAsync(new Regex(@"^Priority (\d+) \+\1 .*Offer once the problem is solved$"));
        var cjk = new Regex(@"[\u3000-\u9fff\uff00-\uffef]");
        foreach (var reasons in await Copilot.AllReasons.AllTextContentsAsync())
        {
            Assert.DoesNotMatch(cjk, reasons);
        }

        Assert.True(_pages.PageErrors.Count == 0, string.Join('\n', _pages.PageErrors));
    }

    /// <summary>The body of the panel's feedback on a suggestion, once the server has answered it with 204.</summary>
    private async Task<string> FeedbackAsync(string suggestionId)
    {
        var response = await Desk.Page.WaitForResponseAsync(response =>
            response.Url.EndsWith("/copilot/feedback", StringComparison.Ordinal) && (response.Request.PostData ?? "").Contains(suggestionId, StringComparison.Ordinal));
        Assert.Equal(204, response.Status);
        return response.Request.PostData ?? "";
    }
}
