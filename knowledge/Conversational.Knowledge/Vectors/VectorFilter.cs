namespace Conversational.Knowledge.Vectors;

/// <summary>Every condition must hold for a point to be returned.</summary>
public sealed record VectorFilter(IReadOnlyList<PayloadCondition> Must)
{
    public bool Matches(IReadOnlyDictionary<string, IReadOnlyList<string>> payload)
    {
        ArgumentNullException.ThrowIfNull(payload);
        return Must.All(condition => condition.Matches(payload));
    }
}

/// <summary>Holds when one of the payload's values for <paramref name="Key"/> is one of <paramref name="AnyOf"/> (ordinal).</summary>
public sealed record PayloadCondition(string Key, IReadOnlyList<string> AnyOf)
{
    public bool Matches(IReadOnlyDictionary<string, IReadOnlyList<string>> payload) =>
        payload.TryGetValue(Key, out var values) && values.Any(value => AnyOf.Contains(value, StringComparer.Ordinal));
}
