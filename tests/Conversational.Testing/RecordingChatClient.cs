using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.Extensions.AI;

namespace Conversational.Testing;

/// <summary>
/// A language model stand-in: records every request (messages and offered tools) and answers through a script, which
/// may ask for a function call first and write its text from the tool's result afterwards.
/// </summary>
public sealed class RecordingChatClient(Func<IReadOnlyList<ChatMessage>, ChatResponse> answer) : IChatClient
{
    private static readonly JsonSerializerOptions ResultJson = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private readonly List<(IReadOnlyList<ChatMessage> Messages, ChatOptions? Options)> _requests = [];

    /// <summary>Answers every request with <paramref name="text"/>.</summary>
    public RecordingChatClient(string text = "好的，我来帮您处理。")
        : this(_ => new ChatResponse(new ChatMessage(ChatRole.Assistant, text)))
    {
    }

    public IReadOnlyList<(IReadOnlyList<ChatMessage> Messages, ChatOptions? Options)> Requests
    {
        get
        {
            lock (_requests)
            {
                return [.. _requests];
            }
        }
    }

    /// <summary>Everything the model was sent, all requests and roles, as one text: what must never hold personal numbers.</summary>
    public string AllTextSent => string.Join("\n", Requests.SelectMany(r => r.Messages).Select(m => m.Text));

    /// <summary>
    /// Asks for <paramref name="function"/> once, with its arguments as JSON the way an OpenAI-compatible endpoint sends
    /// them (values arrive as JSON elements), then answers with the text <paramref name="write"/> makes of its result.
    /// </summary>
    public static RecordingChatClient CallingTool(string function, string argumentsJson, Func<string, string> write) =>
        new(messages => ToolResult(messages) is { } result
            ? new ChatResponse(new ChatMessage(ChatRole.Assistant, write(result)))
            : new ChatResponse(new ChatMessage(ChatRole.Assistant,
                [new FunctionCallContent("call-1", function, JsonSerializer.Deserialize<Dictionary<string, object?>>(argumentsJson))])));

    /// <summary>The tool result in the messages, as the JSON text an endpoint would receive, or null before the call.</summary>
    public static string? ToolResult(IEnumerable<ChatMessage> messages) =>
        messages.SelectMany(m => m.Contents).OfType<FunctionResultContent>().FirstOrDefault() is { } result
            ? result.Result as string ?? JsonSerializer.Serialize(result.Result, ResultJson)
            : null;

    public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        var sent = messages.ToList();
        lock (_requests)
        {
            _requests.Add((sent, options));
        }

        return Task.FromResult(answer(sent));
    }

    public IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null,
        CancellationToken cancellationToken = default) =>
        throw new NotSupportedException("The copilot does not stream.");

    public object? GetService(Type serviceType, object? serviceKey = null) => serviceType.IsInstanceOfType(this) ? this : null;

    public void Dispose()
    {
    }
}
