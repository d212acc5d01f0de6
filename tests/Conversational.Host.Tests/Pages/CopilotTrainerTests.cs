using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Conversational.Host.Tests.Pages;

/// <summary>
/// The trainer console's copilot tabs in Chromium: a reply script refused then saved, a disclosure's concepts edited,
/// and a save that lost the race to another trainer.
/// </summary>
[Collection(HandoffPagesCollection.Name)]
public sealed class CopilotTrainerTests(CopilotPagesFixture fixture) : IClassFixture<CopilotPagesFixture>, IAsyncLifetime
{
    private readonly List<string> _pageErrors = [];
    private IBrowserContext _context = null!;
    private IPage _page = null!;

    private ILocator View => _page.Locator("#copilot");

    private ILocator Notice => _page.Locator("#copilot-notice");

    private ILocator Items => _page.Locator("#copilot-list .entry");

    public async Task InitializeAsync()
    {
        SetDefaultExpectTimeout(15_000);
        _context = await fixture.NewDesktopContextAsync();
        _page = await _context.NewPageAsync();
        _page.PageError += (_, error) => _pageErrors.Add(error);
    }

    public async Task DisposeAsync() => await _context.DisposeAsync();

    [Fact]
    public async Task A_script_with_an_unknown_variable_is_refused_beside_its_text_and_saved_once_fixed()
    {
        await SignInAsync("#scripts");
        await Expect(_page.Locator("#copilot-list-title")).ToHaveTextAsync("话术库");
        await Expect(Items.First).ToBeVisibleAsync();

        await _page.GetByRole(AriaRole.Button, new() { Name = "新建", Exact = true }).ClickAsync();
        await View.GetByLabel("编号", new() { Exact = true }).FillAsync("script.gift-wrap.zh");
        // "业务" also names the list's business filter; the form's field is the one with the id.
        await _page.Locator("#copilot-business").SelectOptionAsync(new SelectOptionValue { Label = "价格优惠" });
        await View.GetByLabel("话术标题").FillAsync("礼品包装");
        await View.GetByLabel("话术内容", new() { Exact = true }).FillAsync("{customer_name}您好，您的{coupon_code}已经可以用于礼品包装。");
        await View.GetByLabel("关键词（逗号分隔）").FillAsync("礼品，包装");
        await Save();

        await Expect(Notice).ToHaveTextAsync("请修改标出的字段后再保存。");
        await Expect(_page.Locator("[data-copilot-error='text']")).ToContainTextAsync("coupon_code");
        await Expect(_page.Locator(".field--invalid #script-text")).ToBeVisibleAsync();

        await View.GetByLabel("话术内容", new() { Exact = true }).FillAsync("{customer_name}您好，礼品包装在结算页勾选即可，免费。");
        await Save();

        await Expect(Notice).ToContainTextAsync("已保存，目录为版本");
        await Expect(_page.Locator("[data-copilot-error='text']")).ToBeEmptyAsync();
        await Expect(View.GetByLabel("编号", new() { Exact = true })).ToHaveAttributeAsync("readonly", "");
        var saved = Items.Filter(new() { HasText = "礼品包装" });
        await Expect(saved).ToHaveCountAsync(1);
        await Expect(saved).ToContainTextAsync("价格优惠");
        await Expect(saved).ToHaveAttributeAsync("aria-current", "true");
        await PageScreenshots.WriteAsync(_page, "trainer-copilot.png");

        await _page.Locator("#copilot-filter-business").SelectOptionAsync("returns");
        await Expect(Items.Filter(new() { HasText = "礼品包装" })).ToHaveCountAsync(0);
        Assert.True(_pageErrors.Count == 0, string.Join('\n', _pageErrors));
    }

    [Fact]
    public async Task A_trainer_adds_a_wording_to_a_disclosure_concept_group_and_the_catalogue_keeps_it()
    {
        using var trainer = await StaffClient.SignInAsync(fixture.BaseAddress, "trainer", "Trainer#2026");
        var disclosure = (await CopilotPagesFixture.CatalogAsync(trainer))["disclosures"]!.AsArray()
            .First(item => (string?)item!["business"] == "installment" && (string?)item["language"] == "zh-CN")!;
        var id = (string)disclosure["id"]!;
        await SignInAsync("#disclosures");

        await _page.Locator("#copilot-filter-business").SelectOptionAsync("installment");
        await _page.Locator("#copilot-filter-language").SelectOptionAsync("zh-CN");
        await _page.Locator($"#copilot-list .entry[data-id='{id}']").ClickAsync();
        var concepts = View.GetByLabel("必含要点");
        await Expect(concepts).ToHaveValueAsync(string.Join('\n',
            disclosure["concepts"]!.AsArray().Select(group => string.Join(" | ", group!.AsArray().Select(word => (string)word!)))));
        await Expect(View).ToContainTextAsync("组内的不同说法用 | 或 、 分隔");

        var lines = (await concepts.InputValueAsync()).Split('\n');
        lines[0] += "、办成以后";
        await concepts.FillAsync(string.Join('\n', lines));
        await Save();

        await Expect(Notice).ToContainTextAsync("已保存，目录为版本");
        var saved = (await CopilotPagesFixture.CatalogAsync(trainer))["disclosures"]!.AsArray().Single(item => (string?)item!["id"] == id)!;
        Assert.Equal("办成以后", (string?)saved["concepts"]![0]!.AsArray()[^1]);
        Assert.Equal(disclosure["concepts"]!.AsArray().Count, saved["concepts"]!.AsArray().Count);
        Assert.True(_pageErrors.Count == 0, string.Join('\n', _pageErrors));
    }

    [Fact]
    public async Task An_offer_script_that_misses_a_pitch_point_is_refused_on_its_row_and_a_new_script_row_is_saved()
    {
        await SignInAsync("#offers");
        await _page.Locator("#copilot-filter-language").SelectOptionAsync("zh-CN");
        await Items.First.ClickAsync();
        var rows = _page.Locator("#offer-scripts > li");
        var count = await rows.CountAsync();
        Assert.True(count >= 1);
        await Expect(View.Locator("#offer-layers input[type=checkbox]")).ToHaveCountAsync(4);

        await View.GetByRole(AriaRole.Button, new() { Name = "添加一条话术" }).ClickAsync();
        await View.GetByLabel($"话术编号 {count + 1}").FillAsync("page-test.extra");
        await View.GetByLabel($"话术内容 {count + 1}").FillAsync("您好，这条话术什么也没推荐。");
        await Save();

        await Expect(Notice).ToHaveTextAsync("请修改标出的字段后再保存。");
        await Expect(rows.Nth(count).Locator($"[data-copilot-error='scripts[{count}].text']")).ToContainTextAsync("pitch concept");
        await Expect(rows.Nth(count)).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("field--invalid"));

        await View.GetByLabel($"话术内容 {count + 1}").FillAsync(await View.GetByLabel("话术内容 1").InputValueAsync());
        await Save();

        await Expect(Notice).ToContainTextAsync("已保存，目录为版本");
        await Expect(rows).ToHaveCountAsync(count + 1);
        Assert.True(_pageErrors.Count == 0, string.Join('\n', _pageErrors));
    }

    [Fact]
    public async Task A_save_after_someone_else_saved_shows_who_and_loads_the_latest_version()
    {
        await SignInAsync("#offers");
        await Expect(Items.First).ToBeVisibleAsync();
        await Items.First.ClickAsync();
        var name = View.GetByLabel("产品名称");
        var original = await name.InputValueAsync();
        var version = await _page.Locator("#copilot-catalog-version").TextContentAsync();

        using var admin = await StaffClient.SignInAsync(fixture.BaseAddress, "admin", "Admin#2026");
        var catalog = await CopilotPagesFixture.CatalogAsync(admin);
        var script = catalog["scripts"]!.AsArray()[0]!.DeepClone().AsObject();
        using (var saved = await admin.PutAsJsonAsync(new Uri($"/api/copilot/catalog/scripts/{(string)script["id"]!}", UriKind.Relative),
            new JsonObject { ["expectedVersion"] = catalog["version"]!.DeepClone(), ["item"] = script }))
        {
            Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        }

        await name.FillAsync(original + "（新）");
        await Save();

        var newVersion = (long)catalog["version"]! + 1;
        await Expect(Notice).ToContainTextAsync($"目录已被 admin 更新为版本 {newVersion}，您的修改未保存。");
        await Notice.GetByRole(AriaRole.Button, new() { Name = "载入最新版本" }).ClickAsync();
        await Expect(Notice).ToBeHiddenAsync();
        await Expect(name).ToHaveValueAsync(original);
        await Expect(_page.Locator("#copilot-catalog-version")).ToContainTextAsync($"目录版本 {newVersion} · admin");
        Assert.NotEqual(version, await _page.Locator("#copilot-catalog-version").TextContentAsync());
        Assert.True(_pageErrors.Count == 0, string.Join('\n', _pageErrors));
    }

    private async Task Save() => await View.GetByRole(AriaRole.Button, new() { Name = "保存", Exact = true }).ClickAsync();

    private async Task SignInAsync(string tab)
    {
        await _page.GotoAsync("/trainer/" + tab);
        await _page.GetByLabel("用户名").FillAsync("trainer");
        await _page.GetByLabel("密码").FillAsync("Trainer#2026");
        await _page.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();
        await Expect(View).ToBeVisibleAsync();
    }
}
