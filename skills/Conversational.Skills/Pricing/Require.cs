namespace Conversational.Skills.Pricing;

/// <summary>Argument checks for the pricing records, each failing with an <see cref="ArgumentException"/> that names the field.</summary>
internal static class Require
{
    public static string Text(string? value, string name) =>
        string.IsNullOrWhiteSpace(value) ? throw new ArgumentException($"{name} must not be empty.", name) : value;

    public static T NotNull<T>(T? value, string name)
        where T : class =>
        value ?? throw new ArgumentException($"{name} must not be null.", name);

    public static IReadOnlyList<string> Texts(IReadOnlyList<string>? values, string name)
    {
        NotNull(values, name);
        foreach (var value in values!)
        {
            Text(value, $"{name} item");
        }

        return values;
    }
}
