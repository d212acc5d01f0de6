using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Conversational.Handoff.Routing;

/// <summary>Rule sets as JSON: web names, enums as camelCase strings (<c>humanFirst</c>, <c>monday</c>), nulls left out.</summary>
public static class RoutingJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false) },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string Serialize(RoutingRuleSet rules) => JsonSerializer.Serialize(rules, Options);

    public static RoutingRuleSet Deserialize(string json) =>
        JsonSerializer.Deserialize<RoutingRuleSet>(json, Options) ?? throw new JsonException("The routing rule set is empty.");
}
