using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Conversational.Host.Tests.Pages;

/// <summary>The agent desk in Chromium against the real host; customers write over the app API.</summary>
[Collection(HandoffPagesCollection.Name)]
public sealed class DeskTests(HandoffPagesFixture fixture) : IClassFixture<HandoffPagesFixture>, IAsyncLifetime
{
    private readonly List<string> _pageErrors = [];
    private readonly List<HttpClient> _clients = [];
    private IBrowserContext _context = null!;
    private DeskPage _desk = null!;

    public async Task InitializeAsync()
    {
        SetDefaultExpectTimeout(15_000);
        _context = await fixture.NewDesktopContextAsync();
        var page = await _context.NewPageAsync();
        page.PageError += (_, error) => _pageErrors.Add(error);
        _desk = await DeskPage.SignInAsync(page, "agent1", "Agent#2026");
    }

    public async Task DisposeAsync()
    {
        // The tests share a host: every agent a test used closes their chats and goes offline, so the next test's
        // customers are offered to agent1 on the page and to nobody else.
        foreach (var agentId in new[] { "agent1", "agent2" })
        {
            await SignOffAsync(agentId);
        }

        await _context.DisposeAsync();
        _clients.ForEach(client => client.Dispose());
    }

    [Fact]
    public async Task An_agent_accepts_a_waiting_customer_and_closes_the_chat_with_a_disposition_then_the_customer_is_asked_to_rate()
    {
        var (customer, conversation) = await CustomerAsksForAPersonAsync();
        await _desk.GoAvailableAsync();

        await Expect(_desk.Offer(conversation)).ToContainTextAsync("秒后转给他人");
        await _desk.AcceptAsync(conversation);
        await Expect(_desk.Chats).ToHaveCountAsync(1);
        await Expect(_desk.CustomerLines.Last).ToHaveTextAsync("转人工");

        await _desk.Button("结束会话").ClickAsync();
        var dialog = _desk.Page.Locator("#close-dialog");
        await Expect(dialog.GetByLabel("处理结果").Locator("option").First).ToBeAttachedAsync();
        var before = (await customer.ActivitiesAsync(conversation)).Watermark;
        await dialog.GetByRole(AriaRole.Button, new() { Name = "结束会话" }).ClickAsync();

        await Expect(_desk.Notice).ToHaveTextAsync("会话已结束。");
        await Expect(_desk.Chats).ToHaveCountAsync(0);
        await Expect(_desk.Page.GetByLabel("回复客户")).ToBeDisabledAsync();
        var after = await customer.ActivitiesAsync(conversation, before);
        Assert.Contains(after.Activities, activity => activity.Type == "message" && activity.From?.Role == "bot");
        Assert.True(_pageErrors.Count == 0, string.Join('\n', _pageErrors));
    }

    [Fact]
    public async Task A_message_in_a_chat_that_is_not_open_shows_an_unread_badge_until_the_agent_opens_it()
    {
        var (first, firstConversation) = await TwoAcceptedChatsAsync();
        var firstChat = _desk.Chat(firstConversation);
        await Expect(firstChat).ToHaveAttributeAsync("aria-current", "false");

        await first.SayAsync(firstConversation, "还在吗？");

        await Expect(firstChat.Locator(".badge")).ToHaveTextAsync("1");
        await Expect(firstChat).ToContainTextAsync("还在吗？");
        await firstChat.ClickAsync();
        await Expect(_desk.CustomerLines.Last).ToHaveTextAsync("还在吗？");
        await Expect(firstChat.Locator(".badge")).ToHaveCountAsync(0);
        Assert.True(_pageErrors.Count == 0, string.Join('\n', _pageErrors));
    }

    [Fact]
    public async Task A_message_pushed_while_the_desk_state_is_read_keeps_its_badge_when_the_older_read_lands_after_it()
    {
        var (first, firstConversation) = await TwoAcceptedChatsAsync();
        var firstChat = _desk.Chat(firstConversation);
        await Expect(firstChat.Locator(".badge")).ToHaveCountAsync(0);

        // The first state read that shows a third customer's offer is taken before the first customer writes and
        // delivered only after the stream has pushed that message; reads after it wait until the badge is checked.
        var staleRead = new TaskCompletionSource();
        var badgeChecked = new TaskCompletionSource();
        await _desk.Page.RouteAsync("**/api/desk/state", async route =>
        {
            if (staleRead.Task.IsCompleted)
            {
                await badgeChecked.Task;
                await route.ContinueAsync();
                return;
            }

            var read = await route.FetchAsync();
            var showsOffer = (await read.TextAsync()).Contains("\"offers\":[{", StringComparison.Ordinal);
            if (showsOffer && staleRead.TrySetResult())
            {
                await first.SayAsync(firstConversation, "还在吗？");
                await Expect(firstChat).ToContainTextAsync("还在吗？"); // pushed and counted
                await Expect(firstChat.Locator(".badge")).ToHaveTextAsync("1");
            }
            else if (showsOffer)
            {
                await badgeChecked.Task; // a read racing the stale one must not show the offer first
            }

            await route.FulfillAsync(new() { Response = read });
        });
        var (_, thirdConversation) = await CustomerAsksForAPersonAsync();

        // The offer is on the page only once the older read has been applied; the badge must have survived it.
        await Expect(_desk.Offer(thirdConversation)).ToBeVisibleAsync();
        Assert.Equal(["1"], await firstChat.Locator(".badge").AllTextContentsAsync());
        badgeChecked.SetResult();
        await _desk.Page.UnrouteAllAsync();
        await firstChat.ClickAsync();
        await Expect(firstChat.Locator(".badge")).ToHaveCountAsync(0);
        Assert.True(_pageErrors.Count == 0, string.Join('\n', _pageErrors));
    }

    [Fact]
    public async Task A_one_click_ticket_from_the_prefilled_draft_gives_the_customer_its_number()
    {
        var (customer, conversation) = await CustomerAsksForAPersonAsync();
        await _desk.GoAvailableAsync();
        await _desk.AcceptAsync(conversation);

        await _desk.Button("建工单").ClickAsync();
        var dialog = _desk.Page.Locator("#ticket-dialog");
        await Expect(dialog.GetByLabel("工单内容")).Not.ToHaveValueAsync("");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "创建工单" }).ClickAsync();

        await Expect(_desk.Notice).ToContainTextAsync("已创建，客户已收到工单号");
        var ticketId = Regex.Match(await _desk.Notice.TextContentAsync() ?? "", @"工单 (\S+) 已创建").Groups[1].Value;
        Assert.NotEmpty(ticketId);
        var activities = await customer.ActivitiesAsync(conversation);
        Assert.Contains(activities.Activities, activity => activity.From?.Role == "bot" && (activity.Text ?? "").Contains(ticketId, StringComparison.Ordinal));
        Assert.True(_pageErrors.Count == 0, string.Join('\n', _pageErrors));
    }

    [Fact]
    public async Task A_transfer_to_a_group_leaves_the_desk_and_the_colleague_who_takes_it_reads_the_note()
    {
        var (_, conversation) = await CustomerAsksForAPersonAsync();
        await _desk.GoAvailableAsync();
        await _desk.AcceptAsync(conversation);
        var colleague = await StaffAsync("agent2", "Agent#2026");

        await _desk.Button("转接").ClickAsync();
        var dialog = _desk.Page.Locator("#transfer-dialog");
        await dialog.GetByRole(AriaRole.Combobox, new() { Name = "技能组" }).SelectOptionAsync("ecommerce");
        await dialog.GetByLabel("备注（接手的同事可见）").FillAsync("客户要退 SH-1001，已核实订单");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "转接" }).ClickAsync();

        await Expect(_desk.Notice).ToHaveTextAsync("已转接。");
        await Expect(_desk.Chats).ToHaveCountAsync(0);
        using var presence = await colleague.PostAsJsonAsync(new Uri("/api/desk/presence", UriKind.Relative), new { status = "available" });
        presence.EnsureSuccessStatusCode();
        await WaitForOfferAsync(colleague, conversation);
        using var accepted = await colleague.PostAsync(new Uri($"/api/desk/offers/{conversation}/accept", UriKind.Relative), null);
        accepted.EnsureSuccessStatusCode();
        var chat = (await colleague.GetFromJsonAsync<JsonObject>(new Uri($"/api/desk/conversations/{conversation}", UriKind.Relative)))!;
        Assert.Contains(chat["notes"]!.AsArray(), note => note!["text"]!.GetValue<string>() == "客户要退 SH-1001，已核实订单");
    }

    /// <summary>Two customers ask for a person and the agent accepts both; the second chat is open. Returns the first.</summary>
    private async Task<(AppApi Customer, string ConversationId)> TwoAcceptedChatsAsync()
    {
        var (first, firstConversation) = await CustomerAsksForAPersonAsync();
        var (_, secondConversation) = await CustomerAsksForAPersonAsync();
        await _desk.GoAvailableAsync();
        await _desk.AcceptAsync(firstConversation);
        await _desk.AcceptAsync(secondConversation);
        await Expect(_desk.Chats).ToHaveCountAsync(2);
        return (first, firstConversation);
    }

    private async Task<(AppApi Customer, string ConversationId)> CustomerAsksForAPersonAsync()
    {
        var http = new HttpClient { BaseAddress = fixture.BaseAddress };
        _clients.Add(http);
        var customer = await AppApi.CreateVisitorAsync(http);
        var conversation = (await customer.StartAsync()).ConversationId;
        await customer.SayAsync(conversation, "转人工");
        return (customer, conversation);
    }

    private async Task<HttpClient> StaffAsync(string username, string password)
    {
        var http = await StaffClient.SignInAsync(fixture.BaseAddress, username, password);
        _clients.Add(http);
        return http;
    }

    /// <summary>The assigner offers within a second or so of a change; the desk page learns it by push, an API client asks.</summary>
    private static async Task WaitForOfferAsync(HttpClient agent, string conversationId)
    {
        for (var attempt = 0; attempt < 100; attempt++)
        {
            var state = (await agent.GetFromJsonAsync<JsonObject>(new Uri("/api/desk/state", UriKind.Relative)))!;
            if (state["offers"]!.AsArray().Any(offer => offer!["conversationId"]!.GetValue<string>() == conversationId))
            {
                return;
            }

            await Task.Delay(100);
        }

        Assert.Fail($"No offer of {conversationId} reached the agent.");
    }

    private async Task SignOffAsync(string agentId)
    {
        using var agent = await StaffClient.SignInAsync(fixture.BaseAddress, agentId, "Agent#2026");
        var dispositions = (await agent.GetFromJsonAsync<JsonArray>(new Uri("/api/desk/dispositions", UriKind.Relative)))!;
        var state = (await agent.GetFromJsonAsync<JsonObject>(new Uri("/api/desk/state", UriKind.Relative)))!;
        foreach (var chat in state["chats"]!.AsArray())
        {
            using var closed = await agent.PostAsJsonAsync(new Uri($"/api/desk/conversations/{chat!["conversationId"]}/close", UriKind.Relative),
                new { disposition = dispositions[0]!["code"]!.GetValue<string>() });
        }

        using var offline = await agent.PostAsJsonAsync(new Uri("/api/desk/presence", UriKind.Relative), new { status = "offline" });
    }
}
