using System.ClientModel;
using System.ClientModel.Primitives;
using OpenAI;

namespace Conversational.Knowledge.Embeddings.OpenAI;

/// <summary>
/// One client for an OpenAI-compatible endpoint, as the product's optional AI providers (embeddings here, the copilot's
/// chat model in the bots) configure it: endpoint, key, a network timeout and a bounded number of retries.
/// </summary>
public static class OpenAICompatibleClient
{
    public static OpenAIClient Create(Uri endpoint, string apiKey, TimeSpan timeout, int maxRetries) =>
        new(new ApiKeyCredential(apiKey), new OpenAIClientOptions
        {
            Endpoint = endpoint,
            NetworkTimeout = timeout,
            RetryPolicy = new ClientRetryPolicy(maxRetries),
        });
}
