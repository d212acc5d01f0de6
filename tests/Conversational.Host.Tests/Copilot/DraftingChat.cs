using Conversational.Host.Tests.Desk;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Conversational.Host.Tests.Copilot;

/// <summary>
/// A chat assigned to agent1 as in <see cref="AssignedChatTest"/>, on a host given its own settings and services (a
/// language model stand-in, or <c>AI:Chat</c> pointing at a fake endpoint), which that base class does not take.
/// </summary>
public sealed class DraftingChat : IAsyncDisposable
{
    private readonly ConversationalFactory _factory;

    private DraftingChat(ConversationalFactory factory, WebApplicationFactory<Program> host, AppApi customer, string conversation, DeskApi agent)
    {
        _factory = factory;
        Host = host;
        Customer = customer;
        Conversation = conversation;
        Agent = agent;
    }

    public WebApplicationFactory<Program> Host { get; }

    public AppApi Customer { get; }

    public string Conversation { get; }

    public DeskApi Agent { get; }

    public static async Task<DraftingChat> StartAsync(string customerSays, IReadOnlyDictionary<string, string?>? settings = null,
        Action<IServiceCollection>? services = null)
    {
        var factory = new ConversationalFactory(settings);
        // Only the derived host ever starts; disposing the factory disposes it and the store's directory.
        var host = factory.WithWebHostBuilder(builder => builder.ConfigureTestServices(services ?? (_ => { })));
        var customer = await AppApi.CreateVisitorAsync(host.CreateClient());
        var conversation = (await customer.StartAsync()).ConversationId;
        await customer.SayAsync(conversation, customerSays);
        await Handoffs.QueueAsync(host.Services, conversation, customer.Visitor.CustomerId);
        var agent = await DeskApi.SignInAsync(host, "agent1");
        await agent.GoAvailableAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await agent.WaitForOfferAsync(conversation, timeout.Token);
        await agent.AcceptAsync(conversation);
        return new DraftingChat(factory, host, customer, conversation, agent);
    }

    public string DraftPath(string kind, string? conversation = null) =>
        $"/api/desk/conversations/{conversation ?? Conversation}/copilot/draft-{kind}";

    public async ValueTask DisposeAsync()
    {
        Agent.Dispose();
        await _factory.DisposeAsync();
    }
}
