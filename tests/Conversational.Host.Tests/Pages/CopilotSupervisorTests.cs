using Conversational.Handoff.Copilot;
using Conversational.Storage;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Conversational.Host.Tests.Pages;

/// <summary>The supervisor view's opening-rate table (启齿率) in Chromium, over pitches recorded in the host's database.</summary>
[Collection(HandoffPagesCollection.Name)]
public sealed class CopilotSupervisorTests(CopilotPagesFixture fixture) : IClassFixture<CopilotPagesFixture>, IAsyncLifetime
{
    private readonly List<string> _pageErrors = [];
    private IBrowserContext _context = null!;
    private IPage _page = null!;

    private ILocator Row(string key) => _page.Locator($"#opening tbody tr[data-key='{key}']");

    public async Task InitializeAsync()
    {
        SetDefaultExpectTimeout(15_000);
        _context = await fixture.NewDesktopContextAsync();
        _page = await _context.NewPageAsync();
        _page.PageError += (_, error) => _pageErrors.Add(error);
    }

    public async Task DisposeAsync() => await _context.DisposeAsync();

    [Fact]
    public async Task The_opening_rate_table_shows_the_recorded_pitches_by_agent_offer_and_script()
    {
        using var supervisor = await StaffClient.SignInAsync(fixture.BaseAddress, "supervisor", "Supervisor#2026");
        var offer = (await CopilotPagesFixture.CatalogAsync(supervisor))["offers"]!.AsArray()[0]!;
        var (offerId, offerName, scriptId) = ((string)offer["id"]!, (string)offer["name"]!, (string)offer["scripts"]![0]!["id"]!);
        // What the desk records: the offer was eligible in four of agent1's chats; agent1 pitched it in two, one accepted.
        await using (var database = new SqliteDatabase(fixture.DatabasePath))
        {
            var log = new OfferLog(database, TimeProvider.System);
            var now = DateTimeOffset.UtcNow;
            foreach (var conversation in new[] { "pitched-1", "pitched-2", "quiet-1", "quiet-2" })
            {
                await log.RecordEligibleAsync(conversation, "c1005", "agent1", [offerId], default);
            }

            await log.RecordPitchAsync(new OfferPitch("pitched-1", offerId, "c1005", "agent1", scriptId, now, OfferResponse.Accepted), default);
            await log.RecordPitchAsync(new OfferPitch("pitched-2", offerId, "c1005", "agent1", scriptId, now, OfferResponse.NoAnswer), default);
        }

        await _page.GotoAsync("/supervisor/");
        await _page.GetByLabel("用户名").FillAsync("supervisor");
        await _page.GetByLabel("密码").FillAsync("Supervisor#2026");
        await _page.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();

        await Expect(_page.GetByRole(AriaRole.Heading, new() { Name = "启齿率" })).ToBeVisibleAsync();
        await Expect(Row("agent1").Locator("th")).ToContainTextAsync("agent1");
        await Expect(Row("agent1").Locator("td")).ToHaveTextAsync(["4", "2", "50.0%", "1", "0", "50.0%"]);

        await _page.GetByRole(AriaRole.Button, new() { Name = "按产品" }).ClickAsync();
        await Expect(_page.Locator("#opening-key")).ToHaveTextAsync("服销产品");
        await Expect(Row(offerId).Locator("th")).ToContainTextAsync(offerName);
        await Expect(Row(offerId).Locator("td")).ToHaveTextAsync(["4", "2", "50.0%", "1", "0", "50.0%"]);

        await _page.GetByRole(AriaRole.Button, new() { Name = "按话术" }).ClickAsync();
        await Expect(Row(scriptId).Locator("td")).ToHaveTextAsync(["2", "2", "100.0%", "1", "0", "50.0%"]);

        await _page.GetByRole(AriaRole.Button, new() { Name = "English" }).ClickAsync();
        await Expect(_page.GetByRole(AriaRole.Heading, new() { Name = "Opening rate" })).ToBeVisibleAsync();
        await Expect(_page.Locator("#opening-key")).ToHaveTextAsync("Pitch script");
        await PageScreenshots.WriteAsync(_page, "supervisor-opening-rate.png");
        Assert.True(_pageErrors.Count == 0, string.Join('\n', _pageErrors));
    }
}
