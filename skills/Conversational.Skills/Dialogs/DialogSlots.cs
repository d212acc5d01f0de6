using System.Text.Json;

namespace Conversational.Skills.Dialogs;

/// <summary>Turns a dialog's typed slot record into the JSON of its <see cref="DialogSnapshot"/> and back.</summary>
public static class DialogSlots
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerOptions.Web);

    public static DialogSnapshot Snapshot<TStep, TSlots>(string skill, TStep step, TSlots slots) where TStep : struct, Enum =>
        new(skill, step.ToString(), JsonSerializer.SerializeToElement(slots, Json));

    /// <exception cref="InvalidOperationException">The snapshot is not this dialog's, or its step is unknown.</exception>
    public static (TStep Step, TSlots Slots) Read<TStep, TSlots>(DialogSnapshot snapshot, string skill) where TStep : struct, Enum
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        if (snapshot.Skill != skill || !Enum.TryParse<TStep>(snapshot.Step, out var step))
        {
            throw new InvalidOperationException($"Snapshot {snapshot.Skill}/{snapshot.Step} is not a step of {skill}.");
        }

        return (step, snapshot.Slots.Deserialize<TSlots>(Json)
            ?? throw new InvalidOperationException($"Snapshot {snapshot.Skill}/{snapshot.Step} has no slots."));
    }
}
