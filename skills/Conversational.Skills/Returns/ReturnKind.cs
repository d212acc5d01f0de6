using System.Text.Json.Serialization;

namespace Conversational.Skills.Returns;

[JsonConverter(typeof(JsonStringEnumConverter<ReturnKind>))]
public enum ReturnKind
{
    /// <summary>退货: the money comes back.</summary>
    Refund,

    /// <summary>换货: the same product in another size comes back.</summary>
    Exchange,
}
