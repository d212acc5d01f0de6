using System.Text.Json.Serialization;

namespace Conversational.Skills.Returns;

[JsonConverter(typeof(JsonStringEnumConverter<OrderStatus>))]
public enum OrderStatus
{
    Paid,
    Shipped,
    Delivered,
    Cancelled,
}
