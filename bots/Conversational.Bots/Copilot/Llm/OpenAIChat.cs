using Conversational.Knowledge.Embeddings.OpenAI;
using Microsoft.Extensions.AI;

namespace Conversational.Bots.Copilot.Llm;

/// <summary>The chat client for an OpenAI-compatible endpoint (Microsoft.Extensions.AI.OpenAI), as <c>AI:Chat</c> configures it.</summary>
public static class OpenAIChat
{
    public static IChatClient Create(ChatProviderOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var endpoint = options.Endpoint ?? throw new ArgumentException("An endpoint is required.", nameof(options));
        var model = options.Model ?? throw new ArgumentException("A model is required.", nameof(options));
        var client = OpenAICompatibleClient.Create(endpoint, options.ResolveApiKey(), options.Timeout, options.MaxRetries);
        return client.GetChatClient(model).AsIChatClient();
    }
}
