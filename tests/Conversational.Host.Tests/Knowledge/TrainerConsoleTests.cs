using System.Text.RegularExpressions;
using Conversational.Host.Channels.App;
using Conversational.Host.Tests.Widget;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Conversational.Host.Tests.Knowledge;

/// <summary>The real host with the demo data (staff accounts and knowledge) and a desktop-sized browser.</summary>
public sealed class TrainerConsoleFixture : WidgetFixture
{
    protected override void Configure(Dictionary<string, string> settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        settings["Storage__SeedDemoData"] = "true";
    }
}

/// <summary>
/// The trainer console in Chromium: sign in, then create, edit, review and retire a knowledge entry; test a question; turn
/// a cluster of unanswered questions into a FAQ entry the bot answers with.
/// </summary>
public sealed class TrainerConsoleTests(TrainerConsoleFixture fixture) : IClassFixture<TrainerConsoleFixture>, IAsyncLifetime
{
    private IBrowserContext _context = null!;
    private IPage _page = null!;

    private ILocator Notice => _page.Locator("#editor-notice");

    private ILocator History => _page.Locator("#history-list > li");

    public async Task InitializeAsync()
    {
        SetDefaultExpectTimeout(10_000);
        _context = await fixture.NewDesktopContextAsync();
        _page = await _context.NewPageAsync();
    }

    public async Task DisposeAsync() => await _context.DisposeAsync();

    [Fact]
    public async Task A_trainer_creates_edits_reviews_and_retires_an_entry()
    {
        await SignInAsync("trainer", "Trainer#2026");
        await Expect(_page.Locator("#list-count")).ToContainTextAsync("共");
        await Expect(_page.Locator("#entry-list .entry").First).ToBeVisibleAsync();

        await _page.GetByRole(AriaRole.Button, new() { Name = "新建条目" }).ClickAsync();
        await _page.GetByLabel("ID").FillAsync("gift-wrap.zh");
        await _page.GetByLabel("负责人").FillAsync("物流组");
        await _page.GetByLabel("标题", new() { Exact = true }).FillAsync("可以礼品包装吗");
        await _page.GetByLabel("问法（每行一个）").FillAsync("能礼品包装吗\n送人可以包装吗");
        await _page.GetByLabel("答案（Markdown）").FillAsync("下单时勾选**礼品包装**即可。");
        await _page.GetByLabel("业务标签（逗号分隔）").FillAsync("shipping, gifts");
        await _page.GetByRole(AriaRole.Button, new() { Name = "保存" }).ClickAsync();

        await Expect(Notice).ToHaveTextAsync("已创建，当前为版本 1。");
        await Expect(_page.GetByLabel("ID")).ToHaveAttributeAsync("readonly", "");
        await Expect(History).ToHaveCountAsync(1);

        await _page.GetByLabel("答案（Markdown）").FillAsync("结算页勾选**礼品包装**，免费。");
        await _page.GetByLabel("标题", new() { Exact = true }).FillAsync("支持礼品包装吗");
        await _page.GetByRole(AriaRole.Button, new() { Name = "保存" }).ClickAsync();

        await Expect(Notice).ToHaveTextAsync("已保存为版本 2。");
        await Expect(History).ToHaveCountAsync(2);
        await Expect(History.First).ToContainTextAsync("修改");
        await Expect(History.First).ToContainTextAsync("trainer");
        await Expect(History.First.Locator(".chip")).ToHaveTextAsync(["标题", "答案"]);
        await Expect(History.First).ToContainTextAsync("标题：支持礼品包装吗");

        await _page.GetByLabel("搜索").FillAsync("禮品包裝");
        await Expect(_page.Locator("#entry-list .entry")).ToHaveCountAsync(1);
        await Expect(_page.Locator("#entry-list .entry")).ToContainTextAsync("支持礼品包装吗");

        await _page.GetByRole(AriaRole.Button, new() { Name = "下线", Exact = true }).ClickAsync();
        await _page.GetByRole(AriaRole.Button, new() { Name = "确认下线" }).ClickAsync();

        await Expect(Notice).ToContainTextAsync("已下线（版本 3）");
        await Expect(_page.Locator("#editor-status")).ToHaveTextAsync("已下线");
        await Expect(History).ToHaveCountAsync(3);
        await Expect(History.First).ToContainTextAsync("下线");
        await Expect(History.First.Locator(".chip")).ToHaveTextAsync(["状态"]);
        await Expect(_page.Locator("#entry-list .entry")).ToContainTextAsync("已下线");
    }

    [Fact]
    public async Task The_test_box_ranks_the_expected_entry_first_with_its_three_scores_and_says_the_bot_would_answer()
    {
        await SignInAsync("trainer", "Trainer#2026");

        await _page.GetByRole(AriaRole.Link, new() { Name = "测试问题" }).ClickAsync();
        await _page.GetByLabel("问题", new() { Exact = true }).FillAsync("运费多少");
        await _page.GetByRole(AriaRole.Button, new() { Name = "检索" }).ClickAsync();

        var first = _page.Locator("#test-results tbody tr").First;
        await Expect(first).ToContainTextAsync("运费怎么收");
        await Expect(first).ToContainTextAsync("shipping-fee.zh");
        await Expect(first.Locator("td.num")).ToHaveCountAsync(4);
        await Expect(first.Locator("td.num").Nth(1)).ToHaveTextAsync(new Regex(@"^\d+\.\d{2}第 1 名$"));
        await Expect(first.Locator("td.num").Nth(2)).ToHaveTextAsync(new Regex(@"^0\.\d{3}第 1 名$"));
        await Expect(first.Locator("td.num").Nth(3)).ToHaveTextAsync(new Regex(@"^0\.\d{4}$"));
        await Expect(_page.Locator("#test-verdict")).ToContainTextAsync("机器人会用第一条作答");
        await Expect(_page.Locator("#workspace")).ToBeHiddenAsync();
    }

    [Fact]
    public async Task Invalid_fields_are_marked_and_nothing_is_created()
    {
        await SignInAsync("trainer", "Trainer#2026");

        await _page.GetByRole(AriaRole.Button, new() { Name = "新建条目" }).ClickAsync();
        await _page.GetByLabel("ID").FillAsync("Not An Id");
        await _page.GetByRole(AriaRole.Button, new() { Name = "保存" }).ClickAsync();

        await Expect(Notice).ToHaveTextAsync("请修改标出的字段后再保存。");
        await Expect(_page.Locator("[data-error-for=id]")).ToContainTextAsync("lower-case letters");
        await Expect(_page.Locator("[data-error-for=title]")).ToContainTextAsync("must not be empty");
        await Expect(_page.Locator("#history")).ToBeHiddenAsync();
    }

    [Fact]
    public async Task The_console_speaks_English_and_is_closed_to_agents()
    {
        await SignInAsync("agent1", "Agent#2026");

        await Expect(_page.Locator("#forbidden")).ToBeVisibleAsync();
        await Expect(_page.Locator("#workspace")).ToBeHiddenAsync();

        await _page.GetByRole(AriaRole.Button, new() { Name = "English" }).ClickAsync();

        await Expect(_page.Locator("#forbidden")).ToHaveTextAsync("This page is for bot trainers and admins only.");
        await Expect(_page.GetByRole(AriaRole.Button, new() { Name = "Sign out" })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task UnknownQuestions_FormACluster_ThatBecomesAFaqEntry_AndTheBotThenAnswersWithIt()
    {
        using var http = new HttpClient { BaseAddress = fixture.BaseAddress };
        var customer = await AppApi.CreateVisitorAsync(http);
        var conversation = (await customer.StartAsync()).ConversationId;
        foreach (var question in new[] { "门店有停车位吗", "门店可以停车吗", "门店能停车吗" })
        {
            Assert.DoesNotContain("来源", Replies(await customer.SayAsync(conversation, question)), StringComparison.Ordinal);
        }

        await SignInAsync("trainer", "Trainer#2026");
        await _page.GetByRole(AriaRole.Link, new() { Name = "未解决问题" }).ClickAsync();
        var cluster = _page.Locator("#cluster-list .cluster-item").Filter(new() { HasText = "停车" });
        await Expect(cluster).ToHaveCountAsync(1);
        await Expect(cluster).ToContainTextAsync("3 次");
        await cluster.ClickAsync();
        await Expect(_page.Locator("#cluster-examples li")).ToHaveCountAsync(3);

        await _page.GetByRole(AriaRole.Button, new() { Name = "转为 FAQ 条目" }).ClickAsync();
        await Expect(_page.GetByLabel("问题变体（每行一个）")).ToHaveValueAsync(new Regex("门店有停车位吗\n门店可以停车吗\n门店能停车吗"));
        await Expect(_page.GetByLabel("FAQ 标题")).Not.ToBeEmptyAsync();
        await _page.GetByLabel("条目编号").FillAsync("store-parking.zh");
        await _page.GetByLabel("维护团队").FillAsync("门店运营");
        await _page.GetByLabel("回答内容（Markdown 格式）").FillAsync("门店地下一层有**免费停车场**，凭小票停车2小时。");
        await _page.GetByRole(AriaRole.Button, new() { Name = "创建 FAQ" }).ClickAsync();

        await Expect(_page.Locator("#cluster-notice")).ToContainTextAsync("已创建条目 store-parking.zh，3 个问题已处理");
        await Expect(_page.Locator("#cluster-list .cluster-item").Filter(new() { HasText = "停车" })).ToHaveCountAsync(0);
        Assert.Contains("store-parking.zh", await EventuallyAnsweredAsync(customer, conversation, "门店可以停车吗"), StringComparison.Ordinal);
    }

    private static string Replies(TurnResponse turn) => string.Join("\n", turn.Activities.Skip(1).Select(activity => activity.Text));

    // The index takes the new entry in the background: ask again (bounded) until the bot answers from it.
    private static async Task<string> EventuallyAnsweredAsync(AppApi customer, string conversation, string question)
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (true)
        {
            var replies = Replies(await customer.SayAsync(conversation, question));
            if (replies.Contains("来源", StringComparison.Ordinal) || deadline.IsCancellationRequested)
            {
                return replies;
            }

            await Task.Delay(100);
        }
    }

    private async Task SignInAsync(string username, string password)
    {
        await _page.GotoAsync("/trainer/");
        await _page.GetByLabel("用户名").FillAsync(username);
        await _page.GetByLabel("密码").FillAsync(password);
        await _page.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();
        await Expect(_page.Locator("#app")).ToBeVisibleAsync();
    }
}
