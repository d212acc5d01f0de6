using System.Text.Json.Serialization;

namespace Conversational.Knowledge.Understanding.Entities;

/// <summary>The typed meaning of an <see cref="Entity"/>: one small record per <see cref="EntityKind"/>, no <c>object</c>.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(MoneyAmount), "money")]
[JsonDerivedType(typeof(OrderNumber), "order_number")]
[JsonDerivedType(typeof(InstallmentPeriods), "installment_periods")]
[JsonDerivedType(typeof(CalendarDate), "date")]
[JsonDerivedType(typeof(ProductSize), "size")]
[JsonDerivedType(typeof(CardLastFour), "card_last_four")]
[JsonDerivedType(typeof(PhoneNumber), "phone_number")]
public abstract record EntityValue
{
    [JsonIgnore]
    public abstract EntityKind Kind { get; }
}

/// <summary>金额 in Chinese yuan (人民币); other currencies are not recognized as money at all.</summary>
public sealed record MoneyAmount(decimal Yuan) : EntityValue
{
    public override EntityKind Kind => EntityKind.Money;
}

/// <summary>订单号, upper-cased as the order system prints it (DD20261111001).</summary>
public sealed record OrderNumber(string Number) : EntityValue
{
    public override EntityKind Kind => EntityKind.OrderNumber;
}

/// <summary>分期期数: 12期 is 12 monthly installments.</summary>
public sealed record InstallmentPeriods(int Count) : EntityValue
{
    public override EntityKind Kind => EntityKind.InstallmentPeriods;
}

public sealed record CalendarDate(DateOnly Date) : EntityValue
{
    public override EntityKind Kind => EntityKind.Date;
}

/// <summary>尺码 as a label: shoe and numeric sizes as digits ("42", "9.5"), letter sizes upper-case ("XL").</summary>
public sealed record ProductSize(string Label) : EntityValue
{
    public override EntityKind Kind => EntityKind.Size;
}

/// <summary>卡号尾号: enough to tell a customer's cards apart, never enough to use one.</summary>
public sealed record CardLastFour(string Digits) : EntityValue
{
    public override EntityKind Kind => EntityKind.CardLastFour;
}

/// <summary>手机号: the eleven digits of a mainland mobile number, without +86 or separators.</summary>
public sealed record PhoneNumber(string Digits) : EntityValue
{
    public override EntityKind Kind => EntityKind.PhoneNumber;
}
