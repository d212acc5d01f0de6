namespace Conversational.Knowledge.Understanding.Entities;

/// <summary>A fact found in a customer message, where it was found, and its typed value.</summary>
/// <param name="Value">What the words mean; its type decides <see cref="Kind"/>, so the two can never disagree.</param>
/// <param name="Text">The words as they appear in the normalized message (see <see cref="TextNormalizer"/>).</param>
/// <param name="Start">Where <paramref name="Text"/> starts in the normalized message.</param>
/// <param name="Length">How many characters <paramref name="Text"/> spans.</param>
public sealed record Entity(EntityValue Value, string Text, int Start, int Length)
{
    public EntityKind Kind => Value.Kind;
}
