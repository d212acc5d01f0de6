using System.ComponentModel.DataAnnotations;

namespace Conversational.Skills.Returns;

/// <summary>
/// The shop's return windows. Bound from the <c>ReturnPolicy</c> section.
/// </summary>
/// <remarks>
/// <para>
/// Every window counts whole calendar days in the shop's time zone (<see cref="UtcOffset"/>), starting the day after
/// delivery, as Chinese law counts periods (民法典 第二百零一条: the first day is not counted; 第二百零三条: the last
/// day ends at 24:00) and as the seven-day rule is stated (签收次日起算). An item delivered on 11-13 at any hour has a
/// 7-day window through 11-20 inclusive: it closes at 11-21 00:00:00, and that instant is already too late. A window
/// of N days therefore closes at the local midnight that starts day N + 1 after delivery, which is never earlier than
/// <c>DeliveredAt + N × 24 h</c>. Not modelled: 第二百零三条 also moves a last day that falls on a public holiday to
/// the day after the holiday.
/// </para>
/// <para>
/// Return shipping is free when the shop is at fault (<see cref="ReturnReason.Quality"/>, <see cref="ReturnReason.WrongItem"/>;
/// 消费者权益保护法 第二十四条) and paid by the customer otherwise (第二十五条).
/// </para>
/// </remarks>
public sealed class ReturnPolicy : IValidatableObject
{
    public const string SectionName = "ReturnPolicy";

    /// <summary>七天无理由. Seven days is the legal minimum for goods bought online (消费者权益保护法 第二十五条).</summary>
    [Range(7, 365)]
    public int NoReasonDays { get; set; } = 7;

    /// <summary>Quality problems (质量问题).</summary>
    [Range(7, 365)]
    public int QualityDays { get; set; } = 15;

    /// <summary>Wrong item shipped (错发); the shop pays the return shipping.</summary>
    [Range(7, 365)]
    public int WrongItemDays { get; set; } = 30;

    /// <summary>
    /// Exchanging to another size (<see cref="ReturnReason.WrongSize"/> with <see cref="ReturnKind.Exchange"/>). Unset, it
    /// is <see cref="NoReasonDays"/>: a size exchange is a no-reason return plus a new shipment, and 七天无理由退换货 is
    /// how shops state it. A shop that wants to keep more sales may allow longer, never shorter (a customer who may
    /// return for money may also exchange).
    /// </summary>
    [Range(7, 365)]
    public int? SizeExchangeDays { get; set; }

    /// <summary>
    /// Where customers send returns, as the parcel label must say it; the bot quotes it to the customer. The default is
    /// the demo warehouse's (示例路 is no real street): a shop sets its own.
    /// </summary>
    [Required(AllowEmptyStrings = false)]
    [StringLength(200)]
    public string ReturnAddress { get; set; } = DemoReturnAddress;

    public const string DemoReturnAddress = "上海市嘉定区安亭镇示例路88号 退货仓 售后组（收）";

    /// <summary>Working days from the warehouse accepting a return to the refund leaving, back the way it was paid.</summary>
    [Range(1, 15)]
    public int RefundWorkingDays { get; set; } = 3;

    /// <summary>The shop's time zone, which decides where a calendar day starts. China Standard Time has no DST.</summary>
    [Range(typeof(TimeSpan), "-14:00:00", "14:00:00")]
    public TimeSpan UtcOffset { get; set; } = TimeSpan.FromHours(8);

    /// <summary>The window for a reason and kind, in days after the delivery day.</summary>
    public int WindowDays(ReturnReason reason, ReturnKind kind) => reason switch
    {
        ReturnReason.NoReason => NoReasonDays,
        ReturnReason.WrongSize => kind == ReturnKind.Exchange ? SizeExchangeDays ?? NoReasonDays : NoReasonDays,
        ReturnReason.Quality => QualityDays,
        ReturnReason.WrongItem => WrongItemDays,
        _ => throw new ArgumentOutOfRangeException(nameof(reason), reason, "Unknown return reason."),
    };

    /// <summary>The first instant at which the window is closed (exclusive end), in the shop's time zone.</summary>
    public DateTimeOffset Deadline(DateTimeOffset deliveredAt, int windowDays)
    {
        var deliveryDay = deliveredAt.ToOffset(UtcOffset).Date;
        return new DateTimeOffset(deliveryDay, UtcOffset).AddDays(windowDays + 1);
    }

    public static bool IsReturnShippingFree(ReturnReason reason) => reason is ReturnReason.Quality or ReturnReason.WrongItem;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (QualityDays < NoReasonDays)
        {
            yield return Invalid(nameof(QualityDays), $"must be at least {nameof(NoReasonDays)}: a defect never shortens the window.");
        }

        if (WrongItemDays < NoReasonDays)
        {
            yield return Invalid(nameof(WrongItemDays), $"must be at least {nameof(NoReasonDays)}: the shop's mistake never shortens the window.");
        }

        if (SizeExchangeDays is { } sizeExchangeDays && sizeExchangeDays < NoReasonDays)
        {
            yield return Invalid(nameof(SizeExchangeDays), $"must be at least {nameof(NoReasonDays)}: whoever may return may exchange.");
        }

        if (UtcOffset.Ticks % TimeSpan.TicksPerMinute != 0)
        {
            yield return Invalid(nameof(UtcOffset), "must be whole minutes.");
        }
    }

    private static ValidationResult Invalid(string property, string problem) =>
        new($"{SectionName}:{property} {problem}", [property]);
}
