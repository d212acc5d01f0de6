using Conversational.Bots.Copilot;
using Conversational.Bots.Customers;
using Conversational.Skills.Returns;
using Conversational.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Conversational.Bots.Tests.Copilot;

/// <summary>What the copilot knows of a demo customer's spending and service history, read from the product's own stores.</summary>
public sealed class CustomerActivityReaderTests : IAsyncLifetime
{
    private BotHost _host = null!;

    public async Task InitializeAsync() =>
        _host = await BotHost.StartAsync(StoreKind.Sqlite, settings: new Dictionary<string, string?> { ["Storage:SeedDemoData"] = "true" });

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private async Task<CustomerProfile> ProfileAsync(string customerId) =>
        (await _host.Services.GetRequiredService<ICustomerDirectory>().FindAsync(customerId, CancellationToken.None))!;

    [Fact]
    public async Task Contacts_count_the_customers_recent_conversations_and_complaints_those_with_a_complaint_threat()
    {
        var complained = await CopilotChat.StartAsync(_host, "c1005");
        await complained.SayAsync("你们再这样我就打12315投诉你们");
        var calm = await CopilotChat.StartAsync(_host, "c1005");
        await calm.SayAsync("账单分期");

        var activity = await _host.Services.GetRequiredService<CustomerActivityReader>().ReadAsync(await ProfileAsync("c1005"), CancellationToken.None);

        Assert.Equal((2, 1), (activity.ContactsLast90Days, activity.ComplaintsLast90Days));
        Assert.Equal(("gold", 5), (activity.Tier, activity.VipLevel));
        Assert.Contains("card_holder", activity.Tags);
    }

    [Fact]
    public async Task Spend_is_the_paid_price_of_the_last_years_orders_that_were_not_cancelled()
    {
        var orders = await _host.Services.GetRequiredService<OrderStore>().ListByCustomerAsync("c1003", 100, CancellationToken.None);
        var kept = orders.Where(o => o.Status != OrderStatus.Cancelled && o.PlacedAt >= DateTimeOffset.UtcNow.AddYears(-1)).ToList();

        var activity = await _host.Services.GetRequiredService<CustomerActivityReader>().ReadAsync(await ProfileAsync("c1003"), CancellationToken.None);

        Assert.Contains(orders, o => o.Status == OrderStatus.Cancelled);
        Assert.Equal(kept.Count, activity.OrdersLast12Months);
        Assert.Equal(kept.SelectMany(o => o.Items).Sum(i => i.PaidPrice * i.Quantity), activity.SpendLast12Months);
        Assert.True(activity.SpendLast12Months > 0);
    }

    [Fact]
    public async Task An_installed_statement_counts_as_a_plan_held()
    {
        var reader = _host.Services.GetRequiredService<CustomerActivityReader>();

        var installed = await reader.ReadAsync(await ProfileAsync("c1004"), CancellationToken.None);
        var notInstalled = await reader.ReadAsync(await ProfileAsync("c1005"), CancellationToken.None);

        Assert.Equal((1, 0), (installed.InstallmentPlansHeld, notInstalled.InstallmentPlansHeld));
    }
}
