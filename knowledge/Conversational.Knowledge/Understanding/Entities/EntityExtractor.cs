using System.Text.RegularExpressions;

namespace Conversational.Knowledge.Understanding.Entities;

/// <summary>
/// Finds the facts in a customer message that skills need (money, order numbers, installment periods, dates, sizes,
/// card last-4, phone numbers), so the bot does not ask for what the customer already said. Pure: no I/O, no clock;
/// relative dates resolve against the <c>today</c> the caller passes (the customer's local date).
/// </summary>
/// <remarks>
/// Where two readings overlap, the more specific wins: a phone number is never also an order number, the digits of
/// 尾号1234 are never money. The text is normalized first (<see cref="TextNormalizer"/>); pass normalized text and
/// <see cref="Entity.Start"/> indexes exactly the string you passed.
/// </remarks>
/// <param name="orderNumberPattern">
/// What the merchant's order numbers look like; by default <see cref="DefaultOrderNumberPattern"/>. Matched against
/// lower-case text, so give it <see cref="RegexOptions.IgnoreCase"/>.
/// </param>
public sealed partial class EntityExtractor(Regex? orderNumberPattern = null)
{
    private readonly Regex _orderNumbers = orderNumberPattern ?? DefaultOrderNumberPattern();

    /// <summary>订单号: 10–20 digits, or up to four letters and 6–20 digits (DD20261111001), standing alone.</summary>
    [GeneratedRegex("(?<![0-9a-z])(?:[a-z]{1,4}[0-9]{6,20}|[0-9]{10,20})(?![0-9a-z])",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    public static partial Regex DefaultOrderNumberPattern();

    /// <returns>The entities in the order they appear.</returns>
    public IReadOnlyList<Entity> Extract(string text, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(text);
        var normalized = TextNormalizer.Normalize(text);
        var candidates = PhoneNumberRecognizer.Find(normalized)      // most specific first
            .Concat(CardLastFourRecognizer.Find(normalized))
            .Concat(DateRecognizer.Find(normalized, today))
            .Concat(MoneyRecognizer.Find(normalized))
            .Concat(InstallmentRecognizer.Find(normalized))
            .Concat(SizeRecognizer.Find(normalized))
            .Concat(OrderNumbers(normalized));

        var accepted = new List<Entity>();
        foreach (var candidate in candidates)
        {
            if (!accepted.Exists(entity => Overlap(entity, candidate)))
            {
                accepted.Add(candidate);
            }
        }

        accepted.Sort((a, b) => a.Start.CompareTo(b.Start));
        return accepted;
    }

    private IEnumerable<Entity> OrderNumbers(string text) =>
        _orderNumbers.Matches(text).Select(match =>
            new Entity(new OrderNumber(match.Value.ToUpperInvariant()), match.Value, match.Index, match.Length));

    private static bool Overlap(Entity a, Entity b) => a.Start < b.Start + b.Length && b.Start < a.Start + a.Length;
}
