namespace Conversational.Host.Tests;

/// <summary>A test class with its own host, one web visitor and that visitor's started conversation.</summary>
public abstract class CustomerConversationTest(IReadOnlyDictionary<string, string?>? settings = null) : IAsyncLifetime
{
    protected ConversationalFactory Factory { get; } = new(settings);

    protected AppApi Customer { get; private set; } = null!;

    protected string Conversation { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Customer = await AppApi.CreateVisitorAsync(Factory.CreateClient());
        Conversation = (await Customer.StartAsync()).ConversationId;
    }

    public async Task DisposeAsync() => await Factory.DisposeAsync();
}
