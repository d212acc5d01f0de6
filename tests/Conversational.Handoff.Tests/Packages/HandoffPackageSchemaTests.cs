using System.ComponentModel;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Schema;
using Conversational.Handoff.Packages;

namespace Conversational.Handoff.Tests.Packages;

/// <summary>
/// The committed <c>handoff-package.schema.json</c> is what consumers code against: it must be exactly the schema of
/// the record as serialized, so a field added, renamed or retyped without updating the file (and the version) fails here.
/// </summary>
public sealed class HandoffPackageSchemaTests
{
    [Fact]
    public void The_committed_schema_matches_the_package_record()
    {
        var committed = JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Packages", "handoff-package.schema.json")));
        var exported = Export();

        // On drift the exported schema is written next to the test binary, to review and copy over the committed file.
        var actualPath = Path.Combine(AppContext.BaseDirectory, "Packages", "handoff-package.schema.actual.json");
        File.WriteAllText(actualPath, exported.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = HandoffPackageJson.Options.Encoder }) + "\n");
        Assert.True(JsonNode.DeepEquals(committed, exported), $"The package record and the committed schema differ; see {actualPath}.");
    }

    [Fact]
    public void The_schema_requires_every_field_so_consumers_can_rely_on_them()
    {
        var required = Export()["required"]!.AsArray().Select(n => n!.GetValue<string>());

        Assert.Equal(typeof(HandoffPackage).GetConstructors()[0].GetParameters().Select(p => JsonNamingPolicy.CamelCase.ConvertName(p.Name!)),
            required);
    }

    [Fact]
    public void The_schema_states_the_version_it_describes()
    {
        Assert.Equal(HandoffPackage.CurrentVersion, Export()["x-schemaVersion"]!.GetValue<string>());
    }

    private static JsonNode Export()
    {
        var schema = HandoffPackageJson.Options.GetJsonSchemaAsNode(typeof(HandoffPackage), new JsonSchemaExporterOptions
        {
            TransformSchemaNode = (context, node) =>
            {
                var description = (context.PropertyInfo?.AttributeProvider ?? (context.PropertyInfo is null ? context.TypeInfo.Type : null))
                    ?.GetCustomAttributes(typeof(DescriptionAttribute), inherit: false).OfType<DescriptionAttribute>().FirstOrDefault();
                if (description is not null && node is JsonObject obj)
                {
                    obj.Insert(0, "description", description.Description);
                }

                return node;
            },
        });
        var root = schema.AsObject();
        root.Insert(0, "$schema", "https://json-schema.org/draft/2020-12/schema");
        root.Insert(1, "$id", "https://conversational.example/schemas/handoff-package.schema.json");
        root.Insert(2, "title", "HandoffPackage");
        root.Insert(3, "x-schemaVersion", HandoffPackage.CurrentVersion);
        return root;
    }
}
