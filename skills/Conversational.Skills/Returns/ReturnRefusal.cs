using System.Text.Json.Serialization;

namespace Conversational.Skills.Returns;

/// <summary>Why a return is refused, in the order <see cref="ReturnPolicyCheck"/> checks them; each has a reply the bot can give.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ReturnRefusal>))]
public enum ReturnRefusal
{
    /// <summary>The order was cancelled; there is nothing to return (a paid cancelled order is refunded by the cancellation).</summary>
    Cancelled,

    /// <summary>The line already has a return ticket that was not rejected.</summary>
    AlreadyReturned,

    /// <summary>Not delivered yet: the bot offers tracking or cancellation instead.</summary>
    NotDelivered,

    /// <summary>Exchange asked for a reason other than <see cref="ReturnReason.WrongSize"/>; only sizes are exchanged.</summary>
    NotExchangeable,

    /// <summary>The window closed; the refusal carries the deadline.</summary>
    WindowClosed,

    /// <summary>The exchange size is the size already bought.</summary>
    SameSize,

    /// <summary>Fewer of the requested size in stock than the line's quantity.</summary>
    SizeOutOfStock,
}
