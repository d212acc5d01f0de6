using Microsoft.Playwright;

namespace Conversational.Host.Tests.Pages;

/// <summary>
/// The two pages of a copilot test: the demo card holder's widget and agent1's desk with its copilot panel, collecting
/// the script errors either page throws. Disposing closes both and leaves agent1 offline with no chats.
/// </summary>
public sealed class CopilotPages : IAsyncDisposable
{
    private readonly HandoffPagesFixture _fixture;
    private readonly IBrowserContext _customerContext;
    private readonly IBrowserContext _agentContext;

    private CopilotPages(HandoffPagesFixture fixture, IBrowserContext customerContext, IBrowserContext agentContext)
    {
        _fixture = fixture;
        _customerContext = customerContext;
        _agentContext = agentContext;
    }

    public WidgetPage Widget { get; private set; } = null!;

    public DeskPage Desk { get; private set; } = null!;

    public CopilotPanel Copilot { get; private set; } = null!;

    public List<string> PageErrors { get; } = [];

    public static async Task<CopilotPages> OpenAsync(HandoffPagesFixture fixture)
    {
        ArgumentNullException.ThrowIfNull(fixture);
        var pages = new CopilotPages(fixture,
            await fixture.NewSignedInCustomerContextAsync(CopilotScenario.CardHolder, HandoffPagesFixture.SessionApiKey),
            await fixture.NewDesktopContextAsync());
        var customerPage = await pages._customerContext.NewPageAsync();
        var agentPage = await pages._agentContext.NewPageAsync();
        customerPage.PageError += (_, error) => pages.PageErrors.Add($"widget: {error}");
        agentPage.PageError += (_, error) => pages.PageErrors.Add($"desk: {error}");
        pages.Widget = new WidgetPage(customerPage);
        pages.Desk = await DeskPage.SignInAsync(agentPage, "agent1", "Agent#2026");
        pages.Copilot = new CopilotPanel(agentPage);
        return pages;
    }

    public async ValueTask DisposeAsync()
    {
        await _customerContext.DisposeAsync();
        await _agentContext.DisposeAsync();
        await CopilotScenario.SignOffAsync(_fixture.BaseAddress);
    }
}
