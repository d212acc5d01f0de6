using System.Text.Json.Serialization;

namespace Conversational.Knowledge.Understanding.Entities;

/// <summary>The kinds of facts the bot pulls out of a message so a skill need not ask for them again.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<EntityKind>))]
public enum EntityKind
{
    /// <summary>金额: a sum in yuan.</summary>
    Money,

    /// <summary>订单号: an order number.</summary>
    OrderNumber,

    /// <summary>分期期数: how many installments.</summary>
    InstallmentPeriods,

    /// <summary>日期: a calendar day, relative words resolved against today.</summary>
    Date,

    /// <summary>尺码: a clothing or shoe size.</summary>
    Size,

    /// <summary>卡号尾号: the last four digits of a card.</summary>
    CardLastFour,

    /// <summary>手机号: a mainland mobile number.</summary>
    PhoneNumber,
}
