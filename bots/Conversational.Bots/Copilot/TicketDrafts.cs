using System.Text.Json;
using Conversational.Bots.Handoff;
using Conversational.Handoff.Copilot;
using Conversational.Handoff.Packages;
using Conversational.Knowledge.Understanding;

namespace Conversational.Bots.Copilot;

/// <summary>
/// 工单助手: a ticket drafted with the business's template (<see cref="TicketTemplates"/>): its kind and title, its fields
/// first (filled from the script variables, else the skill slot of that name, else left blank for the agent), then the
/// skill and its slots, and the handoff summary as text.
/// </summary>
public static class TicketDrafts
{
    public static TicketDraft Draft(CopilotInputs inputs, HandoffPackage? package)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        var template = TicketTemplates.For(inputs.Business);
        var slots = package?.Skill is { Slots.ValueKind: JsonValueKind.Object } skill ? skill.Slots : default;
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var name in template.Fields)
        {
            fields[name] = inputs.Variables.GetValueOrDefault(name) ?? Slot(slots, CamelCase(name)) ?? "";
        }

        if (package?.Skill is { } dialog)
        {
            fields.TryAdd("skill", dialog.Skill);
            fields.TryAdd("step", dialog.Step);
            if (slots.ValueKind == JsonValueKind.Object)
            {
                foreach (var slot in slots.EnumerateObject().Where(s => s.Value.ValueKind is not (JsonValueKind.Null or JsonValueKind.Undefined)))
                {
                    fields.TryAdd(slot.Name, slot.Value.ValueKind == JsonValueKind.String ? slot.Value.GetString()! : slot.Value.GetRawText());
                }
            }
        }

        var english = inputs.Language == TextLanguage.English;
        var text = package is null ? "" : english ? package.Summary.En : package.Summary.ZhCn;
        return new TicketDraft(template.Kind, english ? template.TitleEn : template.TitleZh, text, fields);
    }

    private static string? Slot(JsonElement slots, string name) =>
        slots.ValueKind == JsonValueKind.Object && slots.TryGetProperty(name, out var value) && value.ValueKind is JsonValueKind.String or JsonValueKind.Number
            ? (value.ValueKind == JsonValueKind.String ? value.GetString() : value.GetRawText())
            : null;

    /// <summary>Template fields are snake_case (<c>order_id</c>); the skills' slots are camelCase (<c>orderId</c>).</summary>
    private static string CamelCase(string snake)
    {
        var parts = snake.Split('_', StringSplitOptions.RemoveEmptyEntries);
        return string.Concat(parts.Select((part, i) => i == 0 ? part : char.ToUpperInvariant(part[0]) + part[1..]));
    }
}
