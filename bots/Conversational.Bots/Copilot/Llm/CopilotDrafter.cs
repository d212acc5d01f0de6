using Microsoft.Extensions.AI;

namespace Conversational.Bots.Copilot.Llm;

/// <summary>
/// Drafts a free-text reply and a handoff summary for the agent with the optional language model. Always registered;
/// <see cref="Enabled"/> says whether an <see cref="IChatClient"/> is configured (<c>AI:Chat</c>).
/// </summary>
public sealed class CopilotDrafter(IChatClient? chatClient = null)
{
    public bool Enabled => chatClient is not null;

    /// <exception cref="InvalidOperationException">No language model is configured.</exception>
    public Task<CopilotDraft> DraftReplyAsync(string conversationId, CancellationToken cancellationToken) =>
        throw new InvalidOperationException("No language model is configured.");

    /// <exception cref="InvalidOperationException">No language model is configured.</exception>
    public Task<CopilotDraft> DraftSummaryAsync(string conversationId, CancellationToken cancellationToken) =>
        throw new InvalidOperationException("No language model is configured.");
}
