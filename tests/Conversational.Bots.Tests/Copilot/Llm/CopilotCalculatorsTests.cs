using System.Text.Json;
using Conversational.Bots.Copilot.Llm;
using Conversational.Skills.Pricing;
using Conversational.Skills.Returns;
using Conversational.Testing;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;

namespace Conversational.Bots.Tests.Copilot.Llm;

/// <summary>
/// The kernel functions answer what the skills' calculators compute, on the demo shop's data, and keep to the
/// conversation's customer.
/// </summary>
public sealed class CopilotCalculatorsTests : IAsyncLifetime
{
    private const string Customer = "c1003";

    private BotHost _host = null!;

    public async Task InitializeAsync() =>
        _host = await BotHost.StartAsync(StoreKind.Sqlite, settings: new Dictionary<string, string?> { ["Storage:SeedDemoData"] = "true" });

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Return_eligibility_is_the_policy_checks_decision_for_each_of_the_customers_orders()
    {
        var orders = await Service<OrderStore>().ListByCustomerAsync(Customer, 10, CancellationToken.None);
        var tickets = await Service<RmaStore>().ListByCustomerAsync(Customer, CancellationToken.None);
        var check = Service<ReturnPolicyCheck>();
        var now = DateTimeOffset.UtcNow;

        var answers = new List<ReturnLineAnswer>();
        foreach (var order in orders)
        {
            var answer = await Calculators(Customer).ReturnEligibilityAsync(order.OrderId, ReturnReason.NoReason, ReturnKind.Refund);
            answers.AddRange(answer.Lines);
            foreach (var line in answer.Lines)
            {
                var item = order.Items.Single(i => i.LineNo == line.LineNo);
                var decision = check.Evaluate(order, item, ReturnReason.NoReason, ReturnKind.Refund, null, (_, _) => 0,
                    ReturnPolicyCheck.ReturnedLines(order.OrderId, tickets), now);
                Assert.Equal(decision is ReturnAllowed, line.Allowed);
                Assert.Equal((decision as ReturnRefused)?.Reason.ToString(), line.Refusal);
                if (decision is ReturnAllowed allowed)
                {
                    Assert.Equal(ToolFigures.Money(allowed.RefundAmount), line.RefundAmount);
                    Assert.Equal(ToolFigures.Day(allowed.LastDay), line.LastDay);
                }
            }
        }

        // The demo has both sides: a line still inside its seven days and one whose window closed.
        Assert.Contains(answers, a => a.Allowed);
        Assert.Contains(answers, a => a.Refusal == nameof(ReturnRefusal.WindowClosed));
    }

    [Fact]
    public async Task Another_customers_order_is_answered_as_unknown()
    {
        var order = (await Service<OrderStore>().ListByCustomerAsync(Customer, 1, CancellationToken.None))[0];

        var error = await Assert.ThrowsAsync<ArgumentException>(() =>
            Calculators("c1005").ReturnEligibilityAsync(order.OrderId, ReturnReason.NoReason, ReturnKind.Refund));

        Assert.StartsWith($"This customer has no order {order.OrderId}.", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("SH-1001")]
    [InlineData("轻羽竞速跑鞋")]
    public async Task The_price_after_coupons_is_the_price_calculators_quote_by_SKU_or_by_name(string product)
    {
        var catalog = Service<CatalogStore>();
        var now = DateTimeOffset.UtcNow;
        var quote = PriceCalculator.Quote([new CartLine((await catalog.FindBySkuAsync("SH-1001", CancellationToken.None))!, 2, "42")],
            await catalog.ListCouponsAsync(now, now, CancellationToken.None), now);

        var answer = await Calculators(Customer).PriceAfterCouponsAsync([new CartItem(product, 2, "42")], CancellationToken.None);

        Assert.Equal(ToolFigures.Money(quote.FinalTotal), answer.FinalTotal);
        Assert.Equal(ToolFigures.Money(quote.ListTotal), answer.ListTotal);
        Assert.Equal(quote.CouponsUsed.Select(c => c.Name), answer.CouponsUsed);
        Assert.Equal("SH-1001", Assert.Single(answer.Lines).Sku);
    }

    [Fact]
    public async Task A_cart_sent_as_a_model_writes_its_arguments_is_priced_like_the_same_cart_called_directly()
    {
        var tool = Service<CopilotTools>().For(Customer).Single(f => f.Name == "calculators_price_after_coupons");
        var arguments = JsonSerializer.Deserialize<Dictionary<string, object?>>("""{"items":[{"product":"SH-1001","quantity":2,"size":"42"}]}""")!;

        var result = JsonSerializer.Serialize(await tool.InvokeAsync(new AIFunctionArguments(arguments)));

        var direct = await Calculators(Customer).PriceAfterCouponsAsync([new CartItem("SH-1001", 2, "42")], CancellationToken.None);
        Assert.Contains(JsonSerializer.Serialize(direct.FinalTotal), result, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_name_that_fits_several_products_asks_for_one_SKU()
    {
        var error = await Assert.ThrowsAsync<ArgumentException>(() =>
            Calculators(Customer).PriceAfterCouponsAsync([new CartItem("跑鞋")], CancellationToken.None));

        Assert.Contains("name one SKU", error.Message, StringComparison.Ordinal);
    }

    private CopilotCalculators Calculators(string customerId) =>
        ActivatorUtilities.CreateInstance<CopilotCalculators>(_host.Services, customerId);

    private T Service<T>() where T : notnull => _host.Services.GetRequiredService<T>();
}
