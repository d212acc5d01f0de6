using System.Text.Encodings.Web;
using System.Text.Json;

namespace Conversational.Handoff.Copilot;

/// <summary>The catalogue as JSON: web (camelCase) names, Chinese left readable.</summary>
public static class CopilotCatalogJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string Serialize(CopilotCatalog catalog) => JsonSerializer.Serialize(catalog, Options);

    public static CopilotCatalog Deserialize(string json) =>
        JsonSerializer.Deserialize<CopilotCatalog>(json, Options) ?? throw new JsonException("The copilot catalogue is empty.");
}
