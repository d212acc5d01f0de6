using System.Text.Json;

namespace Conversational.Skills.Installments;

/// <summary>
/// Reads <c>demo-cards.json</c> (embedded in this assembly): eleven cards of customers c1001–c1011 with statements of 2026-11-05
/// (one of 2026-11-01), and a demo "today" of 2026-11-23. Between them they show every outcome: eligible (c1003, the default
/// demo customer, with ****6688), already installed (c1004), below the minimum (c1008), past due (c1006), above the maximum
/// (c1007), and nothing owed (c1011's second card).
/// </summary>
public static class DemoCards
{
    public const string ResourceName = "Conversational.Skills.Installments.demo-cards.json";

    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
    };

    /// <summary>The embedded demo data.</summary>
    public static DemoCardSet Load()
    {
        using var stream = typeof(DemoCards).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The embedded resource {ResourceName} is missing.");
        using var reader = new StreamReader(stream);
        return Parse(reader.ReadToEnd());
    }

    /// <exception cref="JsonException">A field is missing or malformed.</exception>
    /// <exception cref="InvalidOperationException">The product table is invalid or a card id repeats.</exception>
    public static DemoCardSet Parse(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        var set = JsonSerializer.Deserialize<DemoCardSet>(json, Options) ?? throw new JsonException("The demo cards document is null.");
        set.ProductTable.Validate();
        var repeated = set.Cards.GroupBy(c => c.CardId).FirstOrDefault(g => g.Count() > 1);
        return repeated is null ? set : throw new InvalidOperationException($"Demo card {repeated.Key} appears more than once.");
    }
}
