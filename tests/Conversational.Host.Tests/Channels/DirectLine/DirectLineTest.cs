using Conversational.Host.Channels.DirectLine;

namespace Conversational.Host.Tests.Channels.DirectLine;

/// <summary>A test class with its own host, and one conversation opened as Web Chat opens it: token from the secret, then start.</summary>
public abstract class DirectLineTest(IReadOnlyDictionary<string, string?>? settings = null) : IAsyncLifetime
{
    protected ConversationalFactory Factory { get; } = new(DirectLineApi.Settings(settings));

    protected DirectLineApi Api { get; private set; } = null!;

    /// <summary>The started conversation: its id, token and stream URL.</summary>
    protected DirectLineConversation Started { get; private set; } = null!;

    protected string Conversation => Started.ConversationId;

    protected string Token => Started.Token;

    public async Task InitializeAsync()
    {
        Api = new DirectLineApi(Factory.CreateClient());
        Started = await Api.StartAsync((await Api.GenerateTokenAsync("web-user")).Token);
    }

    public async Task DisposeAsync() => await Factory.DisposeAsync();
}
