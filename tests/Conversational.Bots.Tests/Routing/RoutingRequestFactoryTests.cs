using System.Text.Json;
using Conversational.Bots.Conversations;
using Conversational.Bots.Customers;
using Conversational.Bots.Routing;
using Conversational.Skills.Dialogs;
using Conversational.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Conversational.Bots.Tests.Routing;

/// <summary>The routing request gathers the profile, the conversation and the customer's history.</summary>
public sealed class RoutingRequestFactoryTests : IAsyncLifetime
{
    private static readonly CustomerProfile Customer = new("c-route", "周婷", "gold", 7, "广东", "深圳", ["card_holder"]);

    private BotHost _host = null!;

    public async Task InitializeAsync()
    {
        _host = await BotHost.StartAsync(StoreKind.Sqlite);
        await _host.Services.GetRequiredService<ICustomerDirectory>().AddIfMissingAsync(Customer, default);
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private RoutingRequestFactory Factory => _host.Services.GetRequiredService<RoutingRequestFactory>();

    [Fact]
    public async Task AFirstConversation_IsANewCustomer_WithTheProfileAndTheConversationsChannelAndSkill()
    {
        var first = await _host.Store.StartAsync(Customer.Id, "app", "zh-CN", default);
        var state = new ConversationState { ConversationId = first.Id, CustomerId = Customer.Id, Channel = "app", ActiveDialog = new DialogSnapshot("bill_installment", "ChooseCard", JsonDocument.Parse("{}").RootElement) };

        var request = await Factory.ForConversationAsync(state, "bill_installment", default);

        Assert.Equal(("gold", 7, "广东", "深圳", "app", "bill_installment", false),
            (request.Tier, request.VipLevel, request.Province, request.City, request.Channel, request.Intent, request.Returning));
        Assert.Equal(["card_holder"], request.Tags);
        Assert.Equal("bill_installment", request.Skill);
    }

    [Fact]
    public async Task AnEarlierConversation_MakesTheCustomerReturning()
    {
        await _host.Store.StartAsync(Customer.Id, "web", "zh-CN", default);
        var second = await _host.Store.StartAsync(Customer.Id, "web", "zh-CN", default);

        var request = await Factory.ForConversationAsync(
            new ConversationState { ConversationId = second.Id, CustomerId = Customer.Id, Channel = "web" }, "greeting", default);

        Assert.True(request.Returning);
    }

    [Fact]
    public async Task AConversationOfACustomerWithoutAProfile_IsRoutedAsANewVisitor()
    {
        var request = await Factory.ForConversationAsync(
            new ConversationState { ConversationId = "x", CustomerId = "nobody", Channel = "web" }, "transfer_to_human", default);

        Assert.Equal((CustomerTags.Visitor, 0, false, "web", "transfer_to_human"),
            (request.Tier, request.VipLevel, request.Returning, request.Channel, request.Intent));
    }

    [Fact]
    public async Task AnUnknownCustomer_HasNoRequest()
    {
        Assert.Null(await Factory.BuildAsync("nobody", "greeting", null, "web", DateTimeOffset.UtcNow, null, default));
    }
}
