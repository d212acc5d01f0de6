using System.ClientModel;
using System.ClientModel.Primitives;
using Microsoft.Extensions.AI;
using OpenAI;

namespace Conversational.Bots.Copilot.Llm;

/// <summary>The chat client for an OpenAI-compatible endpoint (Microsoft.Extensions.AI.OpenAI), as <c>AI:Chat</c> configures it.</summary>
public static class OpenAIChat
{
    public static IChatClient Create(ChatProviderOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var endpoint = options.Endpoint ?? throw new ArgumentException("An endpoint is required.", nameof(options));
        var model = options.Model ?? throw new ArgumentException("A model is required.", nameof(options));
        var client = new OpenAIClient(new ApiKeyCredential(options.ResolveApiKey()), new OpenAIClientOptions
        {
            Endpoint = endpoint,
            NetworkTimeout = options.Timeout,
            RetryPolicy = new ClientRetryPolicy(options.MaxRetries),
        });
        return client.GetChatClient(model).AsIChatClient();
    }
}
