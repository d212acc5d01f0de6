using System.Net.Http.Json;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Conversational.Host.Tests.Pages;

/// <summary>The supervisor's live view in Chromium: queues and agent states follow what happens, without a reload.</summary>
[Collection(HandoffPagesCollection.Name)]
public sealed class SupervisorTests(HandoffPagesFixture fixture) : IClassFixture<HandoffPagesFixture>, IAsyncLifetime
{
    private readonly List<string> _pageErrors = [];
    private IBrowserContext _context = null!;
    private IPage _page = null!;

    private ILocator QueueRow(string group) => _page.Locator($"#queues tbody tr[data-group='{group}']");

    private ILocator AgentRow(string agentId) => _page.Locator($"#agents tbody tr[data-agent-id='{agentId}']");

    public async Task InitializeAsync()
    {
        SetDefaultExpectTimeout(15_000);
        _context = await fixture.NewDesktopContextAsync();
        _page = await _context.NewPageAsync();
        _page.PageError += (_, error) => _pageErrors.Add(error);
    }

    public async Task DisposeAsync() => await _context.DisposeAsync();

    [Fact]
    public async Task A_waiting_customer_and_an_agent_coming_online_show_up_live()
    {
        await SignInAsync("supervisor", "Supervisor#2026");
        await Expect(_page.Locator("#live")).ToHaveAttributeAsync("data-state", "open");
        await Expect(AgentRow("agent1")).ToContainTextAsync("离线");

        using var http = new HttpClient { BaseAddress = fixture.BaseAddress };
        var customer = await AppApi.CreateVisitorAsync(http);
        var conversation = (await customer.StartAsync()).ConversationId;
        await customer.SayAsync(conversation, "转人工");

        // Nobody is available yet: the customer waits in the general queue.
        await Expect(QueueRow("general").Locator("td").Nth(0)).ToHaveTextAsync("1");
        await Expect(_page.Locator("#total-waiting")).ToHaveTextAsync("1");
        await PageScreenshots.WriteAsync(_page, "supervisor.png");

        using var agent = await StaffClient.SignInAsync(fixture.BaseAddress, "agent1", "Agent#2026");
        using var presence = await agent.PostAsJsonAsync(new Uri("/api/desk/presence", UriKind.Relative), new { status = "available" });
        presence.EnsureSuccessStatusCode();

        await Expect(AgentRow("agent1")).ToContainTextAsync("在线");
        // The assigner offers the customer to the agent who came online.
        await Expect(QueueRow("general").Locator("td").Nth(1)).ToHaveTextAsync("1");
        await Expect(QueueRow("general").Locator("td").Nth(0)).ToHaveTextAsync("0");

        await _page.GetByRole(AriaRole.Button, new() { Name = "English" }).ClickAsync();
        await Expect(_page.GetByRole(AriaRole.Heading, new() { Name = "Queues by skill group" })).ToBeVisibleAsync();
        await Expect(AgentRow("agent1")).ToContainTextAsync("Available");
        Assert.True(_pageErrors.Count == 0, string.Join('\n', _pageErrors));
    }

    [Fact]
    public async Task An_agent_is_told_the_view_is_for_supervisors_and_sees_no_figures()
    {
        await SignInAsync("agent1", "Agent#2026");

        await Expect(_page.Locator("#forbidden")).ToHaveTextAsync("此页面仅对主管和管理员开放。");
        await Expect(_page.Locator("#workspace")).ToBeHiddenAsync();
    }

    private async Task SignInAsync(string username, string password)
    {
        await _page.GotoAsync("/supervisor/");
        await _page.GetByLabel("用户名").FillAsync(username);
        await _page.GetByLabel("密码").FillAsync(password);
        await _page.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();
    }
}
