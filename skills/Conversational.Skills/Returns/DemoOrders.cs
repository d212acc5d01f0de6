using System.Globalization;
using System.Text.Json;

namespace Conversational.Skills.Returns;

/// <summary>
/// The demo shop's orders, stock and return tickets (demo-orders.json, embedded), as of <see cref="Today"/>. Customer
/// c1003, the demo chat customer, has an order delivered 2, 10 and 20 days before today (inside the no-reason, the
/// quality and the wrong-item window respectively), one shipped, one paid and one cancelled.
/// </summary>
public sealed record DemoOrders(DateOnly Today, IReadOnlyList<Order> Orders, StockTable Stock, IReadOnlyList<Rma> Rmas)
{
    public const string ResourceName = "Conversational.Skills.Returns.demo-orders.json";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
    };

    /// <summary>A customer's orders, newest first: the choices the bot offers.</summary>
    public IReadOnlyList<Order> OrdersOf(string customerId) =>
        Orders.Where(order => order.CustomerId == customerId).OrderByDescending(order => order.PlacedAt).ToList();

    /// <summary>
    /// The same demo moved to <paramref name="today"/>: every time, and the date inside every order and ticket number
    /// (E20261119003, RMA20261115001), moves by the same number of days, so the windows and timelines read the same any day.
    /// </summary>
    public DemoOrders ShiftedTo(DateOnly today)
    {
        var days = today.DayNumber - Today.DayNumber;
        if (days == 0)
        {
            return this;
        }

        DateTimeOffset Shift(DateTimeOffset at) => at.AddDays(days);
        string ShiftId(string id) => ShiftedId(id, days);
        return new DemoOrders(
            today,
            [.. Orders.Select(order => order with
            {
                OrderId = ShiftId(order.OrderId),
                PlacedAt = Shift(order.PlacedAt),
                DeliveredAt = order.DeliveredAt is { } delivered ? Shift(delivered) : null,
            })],
            Stock,
            [.. Rmas.Select(rma => rma with
            {
                RmaId = ShiftId(rma.RmaId),
                OrderId = ShiftId(rma.OrderId),
                Timeline = [.. rma.Timeline.Select(entry => entry with { At = Shift(entry.At) })],
            })]);
    }

    /// <summary>Letters, a yyyyMMdd date, then a sequence: the date moves, the rest stays. Other ids are left alone.</summary>
    private static string ShiftedId(string id, int days)
    {
        var letters = id.TakeWhile(char.IsAsciiLetter).Count();
        return id.Length > letters + 8
            && DateOnly.TryParseExact(id.AsSpan(letters, 8), "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? string.Concat(id.AsSpan(0, letters), date.AddDays(days).ToString("yyyyMMdd", CultureInfo.InvariantCulture), id.AsSpan(letters + 8))
            : id;
    }

    public static DemoOrders LoadEmbedded()
    {
        using var stream = typeof(DemoOrders).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"{ResourceName} is not embedded.");
        using var reader = new StreamReader(stream);
        return Parse(reader.ReadToEnd());
    }

    /// <exception cref="JsonException">The text is not the demo file's shape.</exception>
    /// <exception cref="InvalidDataException">The data contradicts itself, e.g. a ticket whose timeline skips a status.</exception>
    public static DemoOrders Parse(string json)
    {
        var file = JsonSerializer.Deserialize<DemoFile>(json, Json) ?? throw new InvalidDataException("The demo file is empty.");
        if ((Duplicate(file.Orders.Select(order => order.OrderId)) ?? Duplicate(file.Rmas.Select(rma => rma.RmaId))) is { } duplicate)
        {
            throw Invalid(duplicate, "is listed twice");
        }

        var orders = file.Orders.ToDictionary(order => order.OrderId);
        foreach (var order in file.Orders)
        {
            CheckOrder(order);
        }

        foreach (var rma in file.Rmas)
        {
            CheckRma(rma, orders.TryGetValue(rma.OrderId, out var order) ? order : throw Invalid(rma.RmaId, $"order {rma.OrderId} is not listed"));
        }

        return new DemoOrders(file.Today, file.Orders, new StockTable(file.Stock), file.Rmas);
    }

    private static void CheckOrder(Order order)
    {
        if (order.Items.Count == 0 || order.Items.DistinctBy(item => item.LineNo).Count() != order.Items.Count)
        {
            throw Invalid(order.OrderId, "needs items with distinct line numbers");
        }

        if (order.Items.Any(item => item.Quantity <= 0 || item.PaidPrice < 0))
        {
            throw Invalid(order.OrderId, "has a line with no quantity or a negative price");
        }

        if ((order.Status == OrderStatus.Delivered) != order.DeliveredAt.HasValue)
        {
            throw Invalid(order.OrderId, "has a delivery time exactly when it is delivered");
        }

        if (order.Status is OrderStatus.Shipped or OrderStatus.Delivered && (order.Carrier is null || order.TrackingNumber is null))
        {
            throw Invalid(order.OrderId, "needs a carrier and tracking number once shipped");
        }
    }

    private static void CheckRma(Rma rma, Order order)
    {
        if (rma.CustomerId != order.CustomerId)
        {
            throw Invalid(rma.RmaId, $"belongs to {rma.CustomerId} but order {order.OrderId} to {order.CustomerId}");
        }

        foreach (var item in rma.Items)
        {
            var line = order.Items.FirstOrDefault(line => line.LineNo == item.LineNo && line.Sku == item.Sku);
            if (line is null || item.Quantity <= 0 || item.Quantity > line.Quantity)
            {
                throw Invalid(rma.RmaId, $"returns line {item.LineNo} ({item.Sku}) that the order does not have in that quantity");
            }

            if ((rma.Kind == ReturnKind.Exchange) != (item.ExchangeSize is not null))
            {
                throw Invalid(rma.RmaId, "has an exchange size exactly when it is an exchange");
            }
        }

        var refund = rma.Kind == ReturnKind.Refund
            ? rma.Items.Sum(item => order.Items.First(line => line.LineNo == item.LineNo).PaidPrice * item.Quantity)
            : 0m;
        if (rma.RefundAmount != refund)
        {
            throw Invalid(rma.RmaId, $"refunds {rma.RefundAmount} but its lines were paid {refund}");
        }

        CheckTimeline(rma);
    }

    private static void CheckTimeline(Rma rma)
    {
        if (rma.Timeline.Count == 0 || rma.Timeline[0].Status != RmaStatus.Requested || rma.Timeline[^1].Status != rma.Status)
        {
            throw Invalid(rma.RmaId, "needs a timeline from Requested to its status");
        }

        var replayed = rma with { Status = RmaStatus.Requested };
        foreach (var entry in rma.Timeline.Skip(1))
        {
            if (!RmaLifecycle.CanAdvance(replayed, entry.Status))
            {
                throw Invalid(rma.RmaId, $"moves from {replayed.Status} to {entry.Status}, which the lifecycle does not allow");
            }

            replayed = replayed with { Status = entry.Status };
        }
    }

    private static string? Duplicate(IEnumerable<string> ids) =>
        ids.GroupBy(id => id).FirstOrDefault(group => group.Count() > 1)?.Key;

    private static InvalidDataException Invalid(string id, string problem) => new($"Demo orders: {id} {problem}.");

    private sealed record DemoFile(
        DateOnly Today,
        IReadOnlyList<Order> Orders,
        IReadOnlyDictionary<string, IReadOnlyDictionary<string, int>> Stock,
        IReadOnlyList<Rma> Rmas);
}
