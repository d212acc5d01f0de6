using Microsoft.Playwright;

namespace Conversational.Host.Tests.Pages;

/// <summary>The copilot panel (智能助手) beside the open chat on the agent desk, by what the agent sees in it.</summary>
public sealed class CopilotPanel(IPage page)
{
    private ILocator Root => page.Locator("#copilot");

    public ILocator Suggestions => Root.Locator(".suggestion");

    public ILocator Suggestion(string id) => Root.Locator($".suggestion[data-suggestion-id='{id}']");

    public ILocator Disclosures => Root.Locator(".check");

    public ILocator UntickedDisclosures => Root.Locator(".check:not(.check--ticked)");

    public ILocator Disclosure(string id) => Root.Locator($".check[data-disclosure-id='{id}']");

    /// <summary>Why the customer is in their layer, as one line of reasons with their points.</summary>
    public ILocator LayerReasons => Root.Locator(".layer__reasons");

    public ILocator OfferReasons => Root.Locator(".shelf-offer__reasons");

    public ILocator AllReasons => Root.Locator(".layer__reasons, .shelf-offer__reasons");

    public ILocator ReadyOffers => Root.Locator(".shelf-offer--ready");

    public ILocator Offer(string id) => Root.Locator($".shelf-offer[data-offer-id='{id}']");

    public ILocator OfferStatus(string id) => Offer(id).Locator(".shelf-offer__status");

    public ILocator AiTools => Root.Locator(".copilot-ai");

    public ILocator Button(ILocator scope, string name) => scope.GetByRole(AriaRole.Button, new() { Name = name, Exact = true });

    public ILocator TicketFromDraft => Button(Root, "按草稿建工单");

    /// <summary>The id a rendered item carries (data-suggestion-id, data-disclosure-id, data-offer-id).</summary>
    public static async Task<string> IdOfAsync(ILocator item, string attribute) =>
        await item.GetAttributeAsync(attribute) ?? throw new InvalidOperationException($"The item has no {attribute}.");
}
