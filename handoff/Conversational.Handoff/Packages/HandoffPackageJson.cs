using System.Text.Encodings.Web;
using System.Text.Json;

namespace Conversational.Handoff.Packages;

/// <summary>
/// The package's JSON shape, the one <c>handoff-package.schema.json</c> describes: camelCase, every field present
/// (null where empty) so that consumers can rely on the schema's required list.
/// </summary>
public static class HandoffPackageJson
{
    public static JsonSerializerOptions Options { get; } = Create();

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            // Chinese stays readable for the agent desk and in logs.
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
            RespectNullableAnnotations = true,
            RespectRequiredConstructorParameters = true,
            // Numbers are numbers: the schema says so, and no consumer has to accept "12" for 12.
            NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.Strict,
        };
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
