using Conversational.Bots.Handoff;

namespace Conversational.Host.Tests.Desk;

/// <summary>
/// A host where a web visitor's conversation was queued for a person, offered to agent1 (the only agent available)
/// and accepted: the starting point of most desk tests.
/// </summary>
public abstract class AssignedChatTest : CustomerConversationTest, IAsyncLifetime
{
    protected DeskApi Agent { get; private set; } = null!;

    protected DeskOffer Offer { get; private set; } = null!;

    protected static string ConversationPath(string conversationId) => $"/api/desk/conversations/{conversationId}";

    async Task IAsyncLifetime.InitializeAsync()
    {
        await InitializeAsync();
        await Customer.SayAsync(Conversation, "你好");
        await Handoffs.QueueAsync(Factory.Services, Conversation, Customer.Visitor.CustomerId);
        Agent = await DeskApi.SignInAsync(Factory, "agent1");
        await Agent.GoAvailableAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        Offer = await Agent.WaitForOfferAsync(Conversation, timeout.Token);
        await Agent.AcceptAsync(Conversation);
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        Agent?.Dispose();
        await DisposeAsync();
    }
}
