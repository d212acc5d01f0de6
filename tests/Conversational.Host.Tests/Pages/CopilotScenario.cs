using System.Net.Http.Json;
using System.Text.Json.Nodes;
using static Microsoft.Playwright.Assertions;

namespace Conversational.Host.Tests.Pages;

/// <summary>The steps the copilot page tests share: the card holder handed over mid-installment, and agent1 signing off.</summary>
public static class CopilotScenario
{
    /// <summary>The demo card holder (gold, VIP 5, card_holder, installment_user), eligible for installment offers.</summary>
    public const string CardHolder = "c1005";

    /// <summary>The customer starts a bill installment in the widget, picks 12 periods and asks for a person; the agent accepts.</summary>
    public static async Task HandOverMidInstallmentAsync(WidgetPage widget, DeskPage desk)
    {
        ArgumentNullException.ThrowIfNull(widget);
        ArgumentNullException.ThrowIfNull(desk);
        await desk.GoAvailableAsync();
        await widget.Page.GotoAsync("/");
        await Expect(widget.BotBubbles.First).ToContainTextAsync("小C");
        await widget.SayAsync("账单分期");
        await Expect(widget.QuickReply("12期")).ToBeVisibleAsync();
        await widget.QuickReply("12期").ClickAsync();
        await Expect(widget.QuickReply("确认办理")).ToBeVisibleAsync();
        await widget.SayAsync("转人工");
        await Expect(widget.QueueBanner).ToContainTextAsync("正在为您转接人工客服");
        var conversation = await widget.Page.EvaluateAsync<string>("localStorage.getItem('conversational.conversationId')");
        await desk.AcceptAsync(conversation);
    }

    /// <summary>The tests share a host: agent1 closes what is left (acknowledging unsaid disclosures) and goes offline.</summary>
    public static async Task SignOffAsync(Uri baseAddress)
    {
        using var agent = await StaffClient.SignInAsync(baseAddress, "agent1", "Agent#2026");
        var dispositions = (await agent.GetFromJsonAsync<JsonArray>(new Uri("/api/desk/dispositions", UriKind.Relative)))!;
        var state = (await agent.GetFromJsonAsync<JsonObject>(new Uri("/api/desk/state", UriKind.Relative)))!;
        foreach (var chat in state["chats"]!.AsArray())
        {
            using var closed = await agent.PostAsJsonAsync(new Uri($"/api/desk/conversations/{chat!["conversationId"]}/close", UriKind.Relative),
                new { disposition = dispositions[0]!["code"]!.GetValue<string>(), acknowledgeMissingDisclosures = true });
        }

        using var offline = await agent.PostAsJsonAsync(new Uri("/api/desk/presence", UriKind.Relative), new { status = "offline" });
    }
}
