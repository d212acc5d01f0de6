using System.Text.Json.Serialization;

namespace Conversational.Skills.Returns;

/// <summary>Why the customer sends an item back; it picks the window and who pays the return shipping.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ReturnReason>))]
public enum ReturnReason
{
    /// <summary>七天无理由: the customer changed their mind.</summary>
    NoReason,

    /// <summary>尺码不合适: a refund or an exchange to another size; counts as no-reason.</summary>
    WrongSize,

    /// <summary>质量问题: the shop's fault.</summary>
    Quality,

    /// <summary>错发: the shop shipped the wrong item.</summary>
    WrongItem,
}
