using System.ClientModel;
using Conversational.Bots.Activities;
using Conversational.Bots.Conversations;
using Conversational.Bots.Handoff;
using Microsoft.Extensions.AI;

namespace Conversational.Bots.Copilot.Llm;

/// <summary>
/// Drafts a free-text reply and a handoff summary for the agent with the optional language model. Always registered;
/// <see cref="Enabled"/> says whether an <see cref="IChatClient"/> is configured (<c>AI:Chat</c>). The model sees the
/// conversation masked (<see cref="HandoffPackageBuilder.MaskedActivities"/>) and tagged (<see cref="CopilotPrompt"/>),
/// and may call the skills' calculators (<see cref="CopilotTools"/>) for figures; the draft lists the calls it made.
/// </summary>
public sealed class CopilotDrafter
{
    public const string NotConfigured = "No language model is configured.";

    // Enough rounds to look up a price and a plan and then write; a model that keeps calling tools is stopped there.
    private const int MaxToolRounds = 4;

    private readonly IConversationStore _store;
    private readonly CopilotTools _tools;
    private readonly IChatClient? _client;

    public CopilotDrafter(IConversationStore store, CopilotTools tools, IChatClient? chatClient = null)
    {
        _store = store;
        _tools = tools;
        // The tools' refusals ("24 periods are not offered…") go back to the model, so it can correct its call.
        _client = chatClient?.AsBuilder()
            .UseFunctionInvocation(configure: invoker =>
            {
                invoker.IncludeDetailedErrors = true;
                invoker.MaximumIterationsPerRequest = MaxToolRounds;
            })
            .Build();
    }

    public bool Enabled => _client is not null;

    /// <summary>A reply to the customer's last message that the agent can edit before sending.</summary>
    /// <exception cref="InvalidOperationException">No language model is configured.</exception>
    /// <exception cref="ConversationNotFoundException">There is no such conversation.</exception>
    /// <exception cref="CopilotModelException">The model failed or could not be reached.</exception>
    public Task<CopilotDraft> DraftReplyAsync(string conversationId, CancellationToken cancellationToken) =>
        DraftAsync(conversationId, CopilotPrompt.Reply, cancellationToken);

    /// <summary>A short handoff summary: what the customer wants, what was done, what is open.</summary>
    /// <exception cref="InvalidOperationException">No language model is configured.</exception>
    /// <exception cref="ConversationNotFoundException">There is no such conversation.</exception>
    /// <exception cref="CopilotModelException">The model failed or could not be reached.</exception>
    public Task<CopilotDraft> DraftSummaryAsync(string conversationId, CancellationToken cancellationToken) =>
        DraftAsync(conversationId, CopilotPrompt.Summary, cancellationToken);

    private async Task<CopilotDraft> DraftAsync(string conversationId, Func<string, IReadOnlyList<Activity>, IList<ChatMessage>> prompt,
        CancellationToken cancellationToken)
    {
        var client = _client ?? throw new InvalidOperationException(NotConfigured);
        var conversation = await _store.FindAsync(conversationId, cancellationToken) ?? throw new ConversationNotFoundException(conversationId);
        var transcript = HandoffPackageBuilder.MaskedActivities(await _store.ReadAsync(conversationId, 0, cancellationToken));
        var options = new ChatOptions { Tools = [.. _tools.For(conversation.CustomerId)], ToolMode = ChatToolMode.Auto };
        ChatResponse response;
        try
        {
            response = await client.GetResponseAsync(prompt(conversation.Locale, transcript), options, cancellationToken);
        }
        catch (ClientResultException exception)
        {
            throw new CopilotModelException($"The language model failed with status {exception.Status}: {exception.Message}", exception);
        }
        catch (HttpRequestException exception)
        {
            throw new CopilotModelException($"The language model could not be reached: {exception.Message}", exception);
        }
        catch (TaskCanceledException exception) when (!cancellationToken.IsCancellationRequested)
        {
            throw new CopilotModelException("The language model did not answer in time.", exception);
        }

        var calls = response.Messages.SelectMany(message => message.Contents).OfType<FunctionCallContent>().Select(call => call.Name);
        return new CopilotDraft(response.Text.Trim(), [.. calls]);
    }
}
