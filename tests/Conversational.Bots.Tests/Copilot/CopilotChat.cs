using Conversational.Bots.Conversations;
using Conversational.Bots.Copilot;
using Conversational.Bots.Handoff;
using Conversational.Handoff.Copilot;
using Microsoft.Extensions.DependencyInjection;

namespace Conversational.Bots.Tests.Copilot;

/// <summary>
/// One demo customer's chat through the real runtime, taken by agent1 the way the desk's accept records it, with the
/// agent's replies through the workspace and the copilot as the desk reads it.
/// </summary>
public sealed class CopilotChat(BotHost host, string customerId, string conversationId, string locale)
{
    public const string AgentId = "agent1";

    public string ConversationId { get; } = conversationId;

    public static async Task<CopilotChat> StartAsync(BotHost host, string customerId, string locale = "zh-CN")
    {
        ArgumentNullException.ThrowIfNull(host);
        var started = await host.Runtime.StartAsync(customerId, "app", locale, CancellationToken.None);
        return new CopilotChat(host, customerId, started.ConversationId, locale);
    }

    public async Task SayAsync(params string[] texts)
    {
        foreach (var text in texts)
        {
            await host.Runtime.ProcessAsync(ConversationId, Messages.From(customerId, ConversationId, text, locale), null, CancellationToken.None);
        }
    }

    public Task TakeAsync() => host.Runtime.RecordAsync(ConversationId, new AgentAssigned(AgentId), CancellationToken.None);

    public async Task<long> AgentSaysAsync(string text)
    {
        var sent = await host.Services.GetRequiredService<AgentWorkspace>().ReplyAsync(AgentId, "小王", ConversationId, text, CancellationToken.None);
        return long.Parse(sent.Id!, System.Globalization.CultureInfo.InvariantCulture);
    }

    public async Task<CopilotView> ViewAsync() =>
        (await host.Services.GetRequiredService<AgentCopilot>().ViewAsync(ConversationId, CancellationToken.None))!;

    public Task<IReadOnlyList<OfferPitch>> LoggedPitchesAsync() =>
        host.Services.GetRequiredService<OfferLog>().ForConversationAsync(ConversationId, CancellationToken.None);

    public async Task<CopilotCatalog> CatalogAsync() =>
        (await host.Services.GetRequiredService<SqlCopilotCatalogStore>().CurrentAsync(CancellationToken.None)).Catalog;
}
