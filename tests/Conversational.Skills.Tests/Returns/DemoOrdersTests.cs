using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Conversational.Skills.Returns;
using Conversational.Testing;

namespace Conversational.Skills.Tests.Returns;

public sealed partial class DemoOrdersTests
{
    private const string DemoCustomer = "c1003";
    private static readonly TimeSpan China = TimeSpan.FromHours(8);
    private static readonly string[] ShoeSizes = ["38", "39", "40", "41", "42", "43", "44", "45"];
    private static readonly string[] ApparelSizes = ["S", "M", "L", "XL", "XXL"];

    private readonly DemoOrders _demo = DemoOrders.LoadEmbedded();

    [Fact]
    public void EmbeddedFile_HasTheOrdersCustomersAndTicketsTheDemoNeeds()
    {
        Assert.Equal(new DateOnly(2026, 11, 23), _demo.Today);
        Assert.True(_demo.Orders.Count >= 12);
        Assert.Equal(Enumerable.Range(1001, 12).Select(id => $"c{id}"), _demo.Orders.Select(order => order.CustomerId).Distinct().Order());
        Assert.True(_demo.OrdersOf(DemoCustomer).Count >= 5);
        Assert.True(_demo.Orders.GroupBy(order => order.CustomerId).MaxBy(group => group.Count())!.Key == DemoCustomer);
        Assert.True(_demo.Rmas.Select(rma => rma.Status).Distinct().Count() >= 2);
        Assert.All(_demo.Rmas, rma => Assert.NotEmpty(rma.Timeline));
    }

    [Fact]
    public void EmbeddedFile_UsesTheCatalogsSkusSizesAndOrderNumbers()
    {
        Assert.Equal(_demo.Orders.Count, _demo.Orders.Select(order => order.OrderId).Distinct().Count());
        Assert.All(_demo.Orders, order => Assert.Matches(OrderId(), order.OrderId));
        Assert.All(_demo.Orders.SelectMany(order => order.Items), item =>
        {
            Assert.Matches(Sku(), item.Sku);
            Assert.Contains(item.Size, item.Sku.StartsWith("SH-", StringComparison.Ordinal) ? ShoeSizes : ApparelSizes);
            Assert.False(string.IsNullOrWhiteSpace(item.Name) || string.IsNullOrWhiteSpace(item.NameEn));
        });
        Assert.Contains(_demo.Orders.SelectMany(order => order.Items), item => item.Sku.StartsWith("SH-", StringComparison.Ordinal));
        Assert.Contains(_demo.Orders.SelectMany(order => order.Items), item => item.Sku.StartsWith("AP-", StringComparison.Ordinal));
    }

    [Fact]
    public void StockTable_CoversEveryOrderedSku_AndHasSomeSizesOutOfStock()
    {
        var skus = _demo.Stock.Skus.ToHashSet();

        Assert.All(_demo.Orders.SelectMany(order => order.Items), item => Assert.Contains(item.Sku, skus));
        Assert.Contains(skus, sku => _demo.Stock.SizesInStock(sku).Count < (sku.StartsWith("SH-", StringComparison.Ordinal) ? 8 : 5));
        Assert.Equal(["38", "39", "40", "42", "43", "45"], _demo.Stock.SizesInStock("SH-1001"));
        Assert.Equal(0, _demo.Stock.Available("SH-1001", "41"));
        Assert.Equal(0, _demo.Stock.Available("SH-9999", "41"));
    }

    [Fact]
    public void DemoCustomer_HasOrdersDeliveredTwoTenAndTwentyDaysAgo_OneShipped_OnePaid()
    {
        var orders = _demo.OrdersOf(DemoCustomer);
        var deliveredDaysAgo = orders
            .Where(order => order.DeliveredAt is not null)
            .Select(order => _demo.Today.DayNumber - DateOnly.FromDateTime(order.DeliveredAt!.Value.ToOffset(China).DateTime).DayNumber);

        Assert.Equal([2, 10, 20], deliveredDaysAgo.Order());
        Assert.Contains(orders, order => order.Status == OrderStatus.Shipped);
        Assert.Contains(orders, order => order.Status == OrderStatus.Paid);
        Assert.Equal(orders.OrderByDescending(order => order.PlacedAt), orders);
    }

    [Fact]
    public void DemoCustomer_OnDemoDay_MeetsEveryKindOfAnswerThePolicyGives()
    {
        var check = new ReturnPolicyCheck(new ReturnPolicy());
        var now = new DateTimeOffset(_demo.Today.ToDateTime(new TimeOnly(10, 0)), China);
        var recent = Order("E20261119003");
        var tenDays = Order("E20261110021");
        var twentyDays = Order("E20261031008");

        ReturnDecision Evaluate(Order order, int line, ReturnReason reason, ReturnKind kind = ReturnKind.Refund, string? size = null) =>
            check.Evaluate(order, order.Items.Single(item => item.LineNo == line), reason, kind, size, _demo.Stock.Available,
                ReturnPolicyCheck.ReturnedLines(order.OrderId, _demo.Rmas), now);

        Assert.Equal(159.00m, Assert.IsType<ReturnAllowed>(Evaluate(recent, 2, ReturnReason.NoReason)).RefundAmount);
        Assert.Equal("43", Assert.IsType<ReturnAllowed>(Evaluate(recent, 1, ReturnReason.WrongSize, ReturnKind.Exchange, "43")).ExchangeSize);
        Assert.Equal(ReturnRefusal.SizeOutOfStock, Reason(Evaluate(recent, 1, ReturnReason.WrongSize, ReturnKind.Exchange, "41")));
        Assert.Equal(ReturnRefusal.WindowClosed, Reason(Evaluate(tenDays, 1, ReturnReason.NoReason)));
        Assert.IsType<ReturnAllowed>(Evaluate(tenDays, 1, ReturnReason.Quality));
        Assert.Equal(ReturnRefusal.AlreadyReturned, Reason(Evaluate(tenDays, 2, ReturnReason.Quality)));
        Assert.Equal(ReturnRefusal.WindowClosed, Reason(Evaluate(twentyDays, 1, ReturnReason.Quality)));
        Assert.True(Assert.IsType<ReturnAllowed>(Evaluate(twentyDays, 1, ReturnReason.WrongItem)).FreeReturnShipping);
        Assert.Equal(ReturnRefusal.NotDelivered, Reason(Evaluate(Order("E20261121015"), 1, ReturnReason.NoReason)));
        Assert.Equal(ReturnRefusal.NotDelivered, Reason(Evaluate(Order("E20261122030"), 1, ReturnReason.NoReason)));
        Assert.Equal(ReturnRefusal.Cancelled, Reason(Evaluate(Order("E20261105011"), 1, ReturnReason.NoReason)));
    }

    [Fact]
    public void DemoTicket_MovesOnWhenTheWarehouseReports()
    {
        var rma = _demo.Rmas.Single(rma => rma.RmaId == "RMA20261115001");

        var (received, changed) = RmaLifecycle.Advance(rma, RmaStatus.WarehouseReceived, new DateTimeOffset(2026, 11, 23, 11, 0, 0, China), "上海仓签收");

        Assert.Equal(RmaStatus.WarehouseReceived, received.Status);
        Assert.Equal((DemoCustomer, RmaStatus.CustomerShipped), (changed.CustomerId, changed.From));
    }

    public static TheoryData<string, Action<JsonNode>> Contradictions => new()
    {
        { "moves from CustomerShipped to Refunded", file => Rma(file, "RMA20261118002")["timeline"]!.AsArray().RemoveAt(3) },
        { "delivery time", file => Order(file, "E20261119003")["deliveredAt"] = null },
        { "order E20269999999", file => Rma(file, "RMA20261118002")["orderId"] = "E20269999999" },
        { "refunds", file => Rma(file, "RMA20261118002")["refundAmount"] = 600 },
        { "exchange size", file => Rma(file, "RMA20261115001")["items"]![0]!["exchangeSize"] = null },
        { "line 9", file => Rma(file, "RMA20261118002")["items"]![0]!["lineNo"] = 9 },
        { "belongs to", file => Rma(file, "RMA20261118002")["customerId"] = "c1001" },
        { "carrier", file => Order(file, "E20261121015")["carrier"] = null },
        { "E20261119003 is listed twice", file => Order(file, "E20261110021")["orderId"] = "E20261119003" },
        { "RMA20261115001 is listed twice", file => Rma(file, "RMA20261118002")["rmaId"] = "RMA20261115001" },
    };

    [Theory]
    [MemberData(nameof(Contradictions))]
    public void Parse_DataThatContradictsItself_IsRefusedSayingWhere(string problem, Action<JsonNode> spoil)
    {
        var file = JsonNode.Parse(DemoJson())!;
        spoil(file);

        var error = Assert.Throws<InvalidDataException>(() => DemoOrders.Parse(file.ToJsonString()));

        Assert.Contains(problem, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_AnOrderWithoutARequiredField_IsRefused()
    {
        var file = JsonNode.Parse(DemoJson())!;
        Order(file, "E20261119003").AsObject().Remove("customerId");

        Assert.ThrowsAny<JsonException>(() => DemoOrders.Parse(file.ToJsonString()));
    }

    private Order Order(string orderId) => _demo.Orders.Single(order => order.OrderId == orderId);

    private static JsonNode Order(JsonNode file, string orderId) =>
        file["orders"]!.AsArray().Single(order => (string?)order!["orderId"] == orderId)!;

    private static JsonNode Rma(JsonNode file, string rmaId) =>
        file["rmas"]!.AsArray().Single(rma => (string?)rma!["rmaId"] == rmaId)!;

    private static string DemoJson() =>
        File.ReadAllText(Path.Combine(RepositoryPaths.Root(), "skills", "Conversational.Skills", "Returns", "demo-orders.json"));

    private static ReturnRefusal Reason(ReturnDecision decision) => Assert.IsType<ReturnRefused>(decision).Reason;

    [GeneratedRegex("^E2026[01][0-9][0-3][0-9][0-9]{3}$")]
    private static partial Regex OrderId();

    [GeneratedRegex("^(SH-10(0[1-9]|1[0-6])|AP-20(0[1-9]|1[0-6]))$")]
    private static partial Regex Sku();
}
