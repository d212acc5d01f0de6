using System.ComponentModel.DataAnnotations;
using Conversational.Skills.Returns;

namespace Conversational.Skills.Tests.Returns;

/// <summary>The policy as a table: every refusal, every window edge to the second, shipping and stock.</summary>
public sealed class ReturnPolicyCheckTests
{
    private static readonly TimeSpan China = TimeSpan.FromHours(8);

    // Delivered mid-afternoon on 11-13: day 1 of every window is 11-14.
    private static readonly DateTimeOffset DeliveredAt = new(2026, 11, 13, 15, 20, 0, China);
    private static readonly OrderItem Shoes = new(1, "SH-1001", "跑鞋 Air 轻跑", "Air Lite Runner", "42", 1, 399.00m);
    private static readonly OrderItem Tees = new(2, "AP-2001", "速干T恤", "Quick-Dry Tee", "L", 2, 79.50m);
    private static readonly IReadOnlySet<int> NoLines = new HashSet<int>();

    private readonly ReturnPolicyCheck _check = new(new ReturnPolicy());

    public static TheoryData<ReturnReason, ReturnKind, DateTimeOffset> Windows => new()
    {
        { ReturnReason.NoReason, ReturnKind.Refund, new(2026, 11, 21, 0, 0, 0, China) },
        { ReturnReason.WrongSize, ReturnKind.Refund, new(2026, 11, 21, 0, 0, 0, China) },
        { ReturnReason.WrongSize, ReturnKind.Exchange, new(2026, 11, 21, 0, 0, 0, China) },
        { ReturnReason.Quality, ReturnKind.Refund, new(2026, 11, 29, 0, 0, 0, China) },
        { ReturnReason.WrongItem, ReturnKind.Refund, new(2026, 12, 14, 0, 0, 0, China) },
    };

    [Theory]
    [MemberData(nameof(Windows))]
    public void Window_OneSecondBeforeTheMidnightEndingItsLastDay_IsOpen(ReturnReason reason, ReturnKind kind, DateTimeOffset deadline)
    {
        var decision = Evaluate(Delivered(), Shoes, reason, kind, SizeFor(kind), now: deadline.AddSeconds(-1));

        var allowed = Assert.IsType<ReturnAllowed>(decision);
        Assert.Equal(deadline, allowed.Deadline);
        Assert.Equal(DateOnly.FromDateTime(deadline.DateTime).AddDays(-1), allowed.LastDay);
    }

    [Theory]
    [MemberData(nameof(Windows))]
    public void Window_AtTheMidnightEndingItsLastDay_IsClosedAndSaysWhen(ReturnReason reason, ReturnKind kind, DateTimeOffset deadline)
    {
        var decision = Evaluate(Delivered(), Shoes, reason, kind, SizeFor(kind), now: deadline);

        Assert.Equal(new ReturnRefused(ReturnRefusal.WindowClosed, deadline), decision);
    }

    [Fact]
    public void NoReasonWindow_LastDayIsTheSeventhCalendarDayAfterDelivery()
    {
        var refused = Assert.IsType<ReturnRefused>(Evaluate(Delivered(), Shoes, ReturnReason.NoReason, now: new(2026, 12, 1, 9, 0, 0, China)));

        Assert.Equal(new DateOnly(2026, 11, 20), refused.LastDay);
    }

    [Theory]
    [InlineData(0, 0, 0)]
    [InlineData(23, 59, 59)]
    public void Window_DoesNotDependOnTheHourOfDelivery(int hour, int minute, int second)
    {
        var order = Delivered(new DateTimeOffset(2026, 11, 13, hour, minute, second, China));

        var allowed = Assert.IsType<ReturnAllowed>(Evaluate(order, Shoes, ReturnReason.NoReason, now: new(2026, 11, 20, 23, 59, 59, China)));

        Assert.Equal(new DateTimeOffset(2026, 11, 21, 0, 0, 0, China), allowed.Deadline);
    }

    [Fact]
    public void Window_CountsDaysInTheShopsTimeZone_NotTheOffsetTheDeliveryTimeCarries()
    {
        // 16:30 UTC on 11-13 is 00:30 on 11-14 in Beijing: the delivery day is 11-14.
        var order = Delivered(new DateTimeOffset(2026, 11, 13, 16, 30, 0, TimeSpan.Zero));

        var allowed = Assert.IsType<ReturnAllowed>(Evaluate(order, Shoes, ReturnReason.NoReason, now: new(2026, 11, 21, 12, 0, 0, China)));

        Assert.Equal(new DateTimeOffset(2026, 11, 22, 0, 0, 0, China), allowed.Deadline);
        Assert.Equal(China, allowed.Deadline.Offset);
    }

    [Fact]
    public void Window_NeverClosesBeforeFullDaysOfTwentyFourHoursHavePassed()
    {
        var policy = new ReturnPolicy();
        for (var minutes = 0; minutes < 2 * 24 * 60; minutes += 7)
        {
            var deliveredAt = DeliveredAt.AddMinutes(minutes);

            Assert.True(policy.Deadline(deliveredAt, 7) >= deliveredAt.AddDays(7), $"delivered {deliveredAt:O}");
            Assert.True(policy.Deadline(deliveredAt, 7) <= deliveredAt.AddDays(8), $"delivered {deliveredAt:O}");
        }
    }

    [Fact]
    public void ShopPolicy_LongerWindowAndAnotherTimeZone_AreHonoured()
    {
        var check = new ReturnPolicyCheck(new ReturnPolicy { NoReasonDays = 10, UtcOffset = TimeSpan.Zero });
        var deliveredAt = new DateTimeOffset(2026, 11, 13, 15, 20, 0, TimeSpan.Zero);

        var open = check.Evaluate(Delivered(deliveredAt), Shoes, ReturnReason.NoReason, ReturnKind.Refund, null, NoStock, NoLines,
            new DateTimeOffset(2026, 11, 23, 23, 59, 59, TimeSpan.Zero));
        var closed = check.Evaluate(Delivered(deliveredAt), Shoes, ReturnReason.NoReason, ReturnKind.Refund, null, NoStock, NoLines,
            new DateTimeOffset(2026, 11, 24, 0, 0, 0, TimeSpan.Zero));

        Assert.IsType<ReturnAllowed>(open);
        Assert.Equal(ReturnRefusal.WindowClosed, Assert.IsType<ReturnRefused>(closed).Reason);
    }

    [Fact]
    public void ShopPolicy_LongerSizeExchangeWindow_AppliesToExchangesOnly()
    {
        var check = new ReturnPolicyCheck(new ReturnPolicy { SizeExchangeDays = 15 });
        var now = new DateTimeOffset(2026, 11, 28, 23, 59, 59, China);

        var exchange = check.Evaluate(Delivered(), Shoes, ReturnReason.WrongSize, ReturnKind.Exchange, "43", Stock, NoLines, now);
        var refund = check.Evaluate(Delivered(), Shoes, ReturnReason.WrongSize, ReturnKind.Refund, null, Stock, NoLines, now);

        Assert.Equal(new DateTimeOffset(2026, 11, 29, 0, 0, 0, China), Assert.IsType<ReturnAllowed>(exchange).Deadline);
        Assert.Equal(ReturnRefusal.WindowClosed, Assert.IsType<ReturnRefused>(refund).Reason);
    }

    [Fact]
    public void Refund_GivesBackThePaidPriceTimesTheQuantity()
    {
        var allowed = Assert.IsType<ReturnAllowed>(Evaluate(Delivered(), Tees, ReturnReason.NoReason));

        Assert.Equal(new ReturnAllowed(ReturnKind.Refund, 2, new(2026, 11, 21, 0, 0, 0, China), false, 159.00m, null), allowed);
    }

    [Fact]
    public void Refund_IgnoresAnExchangeSize()
    {
        var allowed = Assert.IsType<ReturnAllowed>(Evaluate(Delivered(), Shoes, ReturnReason.WrongSize, ReturnKind.Refund, "43"));

        Assert.Null(allowed.ExchangeSize);
        Assert.Equal(399.00m, allowed.RefundAmount);
    }

    [Theory]
    [InlineData(ReturnReason.WrongItem, true)]
    [InlineData(ReturnReason.Quality, true)]
    [InlineData(ReturnReason.NoReason, false)]
    [InlineData(ReturnReason.WrongSize, false)]
    public void ReturnShipping_IsFreeExactlyWhenTheShopIsAtFault(ReturnReason reason, bool free)
    {
        var allowed = Assert.IsType<ReturnAllowed>(Evaluate(Delivered(), Shoes, reason));

        Assert.Equal(free, allowed.FreeReturnShipping);
    }

    [Fact]
    public void WrongItem_TwentyDaysAfterDelivery_IsStillAllowedWithFreeShipping()
    {
        var now = DeliveredAt.AddDays(20);

        var wrongItem = Assert.IsType<ReturnAllowed>(Evaluate(Delivered(), Shoes, ReturnReason.WrongItem, now: now));
        var quality = Evaluate(Delivered(), Shoes, ReturnReason.Quality, now: now);

        Assert.True(wrongItem.FreeReturnShipping);
        Assert.Equal(399.00m, wrongItem.RefundAmount);
        Assert.Equal(ReturnRefusal.WindowClosed, Assert.IsType<ReturnRefused>(quality).Reason);
    }

    [Fact]
    public void Exchange_ToASizeInStock_IsAllowedWithThatSizeAndNoRefund()
    {
        var allowed = Assert.IsType<ReturnAllowed>(Evaluate(Delivered(), Shoes, ReturnReason.WrongSize, ReturnKind.Exchange, "43"));

        Assert.Equal(new ReturnAllowed(ReturnKind.Exchange, 1, new(2026, 11, 21, 0, 0, 0, China), false, 0m, "43"), allowed);
    }

    [Fact]
    public void Exchange_ToASizeOutOfStock_IsRefused()
    {
        var decision = Evaluate(Delivered(), Shoes, ReturnReason.WrongSize, ReturnKind.Exchange, "41");

        Assert.Equal(new ReturnRefused(ReturnRefusal.SizeOutOfStock), decision);
    }

    [Fact]
    public void Exchange_WithFewerInStockThanTheLinesQuantity_IsRefused()
    {
        // Two tees, one M in stock; XL has two.
        var tooFew = Evaluate(Delivered(), Tees, ReturnReason.WrongSize, ReturnKind.Exchange, "M");
        var enough = Evaluate(Delivered(), Tees, ReturnReason.WrongSize, ReturnKind.Exchange, "XL");

        Assert.Equal(new ReturnRefused(ReturnRefusal.SizeOutOfStock), tooFew);
        Assert.IsType<ReturnAllowed>(enough);
    }

    [Fact]
    public void Exchange_ToTheSizeAlreadyBought_IsRefused()
    {
        var decision = Evaluate(Delivered(), Shoes, ReturnReason.WrongSize, ReturnKind.Exchange, "42");

        Assert.Equal(new ReturnRefused(ReturnRefusal.SameSize), decision);
    }

    [Fact]
    public void Exchange_BeforeASizeIsChosen_IsAllowedWithoutLookingAtStock()
    {
        var allowed = Assert.IsType<ReturnAllowed>(_check.Evaluate(Delivered(), Shoes, ReturnReason.WrongSize, ReturnKind.Exchange, null,
            (_, _) => throw new InvalidOperationException("Stock is not needed yet."), NoLines, DeliveredAt.AddDays(1)));

        Assert.Null(allowed.ExchangeSize);
    }

    [Theory]
    [InlineData(ReturnReason.NoReason)]
    [InlineData(ReturnReason.Quality)]
    [InlineData(ReturnReason.WrongItem)]
    public void Exchange_ForAnyReasonButSize_IsNotExchangeable(ReturnReason reason)
    {
        var decision = Evaluate(Delivered(), Shoes, reason, ReturnKind.Exchange, "43");

        Assert.Equal(new ReturnRefused(ReturnRefusal.NotExchangeable), decision);
    }

    [Theory]
    [InlineData(OrderStatus.Paid)]
    [InlineData(OrderStatus.Shipped)]
    public void Return_OfAnOrderNotDelivered_IsRefused(OrderStatus status)
    {
        var order = Delivered() with { Status = status, DeliveredAt = null };

        Assert.Equal(new ReturnRefused(ReturnRefusal.NotDelivered), Evaluate(order, Shoes, ReturnReason.NoReason));
    }

    [Fact]
    public void Return_OfACancelledOrder_IsRefused()
    {
        var order = Delivered() with { Status = OrderStatus.Cancelled, DeliveredAt = null };

        Assert.Equal(new ReturnRefused(ReturnRefusal.Cancelled), Evaluate(order, Shoes, ReturnReason.NoReason));
    }

    [Fact]
    public void Return_OfALineThatAlreadyHasATicket_IsRefused_OtherLinesAreNot()
    {
        var returned = new HashSet<int> { Shoes.LineNo };

        Assert.Equal(new ReturnRefused(ReturnRefusal.AlreadyReturned), Evaluate(Delivered(), Shoes, ReturnReason.NoReason, returned: returned));
        Assert.IsType<ReturnAllowed>(Evaluate(Delivered(), Tees, ReturnReason.NoReason, returned: returned));
    }

    [Fact]
    public void Refusals_AreGivenInPrecedenceOrder()
    {
        var returned = new HashSet<int> { Shoes.LineNo };
        var late = DeliveredAt.AddDays(40);

        Assert.Equal(ReturnRefusal.Cancelled, Reason(Evaluate(Delivered() with { Status = OrderStatus.Cancelled }, Shoes, ReturnReason.NoReason, returned: returned)));
        Assert.Equal(ReturnRefusal.AlreadyReturned, Reason(Evaluate(Delivered() with { Status = OrderStatus.Shipped }, Shoes, ReturnReason.NoReason, returned: returned)));
        Assert.Equal(ReturnRefusal.NotDelivered, Reason(Evaluate(Delivered() with { Status = OrderStatus.Shipped }, Shoes, ReturnReason.Quality, ReturnKind.Exchange)));
        Assert.Equal(ReturnRefusal.NotExchangeable, Reason(Evaluate(Delivered(), Shoes, ReturnReason.Quality, ReturnKind.Exchange, "42", now: late)));
        Assert.Equal(ReturnRefusal.WindowClosed, Reason(Evaluate(Delivered(), Shoes, ReturnReason.WrongSize, ReturnKind.Exchange, "42", now: late)));
        Assert.Equal(ReturnRefusal.SameSize, Reason(Evaluate(Delivered(), Shoes, ReturnReason.WrongSize, ReturnKind.Exchange, "42")));
    }

    [Fact]
    public void Evaluate_ALineFromAnotherOrder_Throws()
    {
        var stranger = Shoes with { LineNo = 9 };

        Assert.Throws<ArgumentException>("item", () => Evaluate(Delivered(), stranger, ReturnReason.NoReason));
    }

    [Fact]
    public void Evaluate_ADeliveredOrderWithoutItsDeliveryTime_Throws()
    {
        Assert.Throws<ArgumentException>("order", () => Evaluate(Delivered() with { DeliveredAt = null }, Shoes, ReturnReason.NoReason));
    }

    [Fact]
    public void ReturnedLines_CountsOpenAndFinishedTickets_ButNotRejectedOnesOrOtherOrders()
    {
        Rma[] rmas =
        [
            Ticket("RMA1", "E20261110021", 1, RmaStatus.Closed),
            Ticket("RMA2", "E20261110021", 2, RmaStatus.Rejected),
            Ticket("RMA3", "E20261110021", 3, RmaStatus.Requested),
            Ticket("RMA4", "E20261119003", 4, RmaStatus.Approved),
        ];

        Assert.Equal([1, 3], ReturnPolicyCheck.ReturnedLines("E20261110021", rmas).Order());
    }

    [Fact]
    public void DefaultPolicy_IsValid_AndSizeExchangeFollowsTheNoReasonWindow()
    {
        var policy = new ReturnPolicy();

        Assert.True(Validator.TryValidateObject(policy, new ValidationContext(policy), null, validateAllProperties: true));
        Assert.Equal((7, 15, 30), (policy.NoReasonDays, policy.QualityDays, policy.WrongItemDays));
        Assert.Null(policy.SizeExchangeDays);
        Assert.Equal(policy.NoReasonDays, policy.WindowDays(ReturnReason.WrongSize, ReturnKind.Exchange));
    }

    public static TheoryData<string, ReturnPolicy> InvalidPolicies => new()
    {
        { nameof(ReturnPolicy.NoReasonDays), new ReturnPolicy { NoReasonDays = 6 } },
        { nameof(ReturnPolicy.QualityDays), new ReturnPolicy { NoReasonDays = 10, QualityDays = 9 } },
        { nameof(ReturnPolicy.WrongItemDays), new ReturnPolicy { NoReasonDays = 10, WrongItemDays = 9, QualityDays = 15 } },
        { nameof(ReturnPolicy.SizeExchangeDays), new ReturnPolicy { NoReasonDays = 10, SizeExchangeDays = 7 } },
        { nameof(ReturnPolicy.UtcOffset), new ReturnPolicy { UtcOffset = TimeSpan.FromSeconds(30) } },
        { nameof(ReturnPolicy.UtcOffset), new ReturnPolicy { UtcOffset = TimeSpan.FromHours(15) } },
    };

    [Theory]
    [MemberData(nameof(InvalidPolicies))]
    public void InvalidPolicy_IsRefusedAtConstruction_NamingTheSetting(string setting, ReturnPolicy policy)
    {
        var error = Assert.Throws<ValidationException>(() => new ReturnPolicyCheck(policy));

        Assert.Contains(setting, error.ValidationResult.MemberNames);
    }

    private static Order Delivered(DateTimeOffset? deliveredAt = null) => new(
        "E20261110021", "c1003", new DateTimeOffset(2026, 11, 10, 9, 41, 22, China), OrderStatus.Delivered,
        deliveredAt ?? DeliveredAt, "顺丰速运", "SF1423679018532", [Shoes, Tees]);

    private static Rma Ticket(string rmaId, string orderId, int lineNo, RmaStatus status) => new(
        rmaId, orderId, "c1003", [new RmaItem(lineNo, "SH-1001", 1, null)], ReturnReason.NoReason, ReturnKind.Refund, 399m, status,
        [new RmaTimelineEntry(status, DeliveredAt, null)]);

    private static string? SizeFor(ReturnKind kind) => kind == ReturnKind.Exchange ? "43" : null;

    private static ReturnRefusal Reason(ReturnDecision decision) => Assert.IsType<ReturnRefused>(decision).Reason;

    private static int Stock(string sku, string size) => (sku, size) switch
    {
        ("SH-1001", "43") => 4,
        ("AP-2001", "M") => 1,
        ("AP-2001", "XL") => 2,
        _ => 0,
    };

    private static int NoStock(string sku, string size) => 0;

    private ReturnDecision Evaluate(
        Order order,
        OrderItem item,
        ReturnReason reason,
        ReturnKind kind = ReturnKind.Refund,
        string? exchangeSize = null,
        DateTimeOffset? now = null,
        IReadOnlySet<int>? returned = null) =>
        _check.Evaluate(order, item, reason, kind, exchangeSize, Stock, returned ?? NoLines, now ?? DeliveredAt.AddDays(1));
}
