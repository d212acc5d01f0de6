using System.ComponentModel.DataAnnotations;
using System.Globalization;

namespace Conversational.Skills.Installments;

/// <summary>
/// The bill-installment products on offer: fee rate per period for each period count, the amount range, and the early-payoff fee.
/// Bound from the <c>InstallmentProducts</c> configuration section or read from JSON; <see cref="Default"/> is the demo bank's table.
/// </summary>
/// <remarks>
/// <see cref="Offers"/> has no default entries so that binding never appends configured offers to built-in ones.
/// Call <see cref="Validate()"/> (or bind with <c>ValidateDataAnnotations</c>) before use: the calculators assume a valid table.
/// </remarks>
public sealed class InstallmentProductTable : IValidatableObject
{
    public const string SectionName = "InstallmentProducts";

    /// <summary>The early-payoff fee when none is configured: 3 % of the remaining principal, charged once.</summary>
    public const decimal DefaultEarlyPayoffFeeRate = 0.03m;

    public IReadOnlyList<InstallmentOffer> Offers { get; init; } = [];

    /// <summary>The smallest amount that can be installed, in yuan.</summary>
    public decimal MinimumAmount { get; init; }

    /// <summary>The largest amount that can be installed, in yuan (the statement balance caps it too).</summary>
    public decimal MaximumAmount { get; init; }

    /// <summary>One-time fee for paying off early, as a fraction of the remaining principal.</summary>
    public decimal EarlyPayoffFeeRate { get; init; } = DefaultEarlyPayoffFeeRate;

    /// <summary>3/6/12/24 periods at 0.75 %/0.70 %/0.60 %/0.60 % a period, ¥500 to ¥50,000, 3 % early-payoff fee.</summary>
    public static InstallmentProductTable Default => new()
    {
        Offers = [new(3, 0.0075m), new(6, 0.0070m), new(12, 0.0060m), new(24, 0.0060m)],
        MinimumAmount = 500m,
        MaximumAmount = 50_000m,
    };

    /// <summary>The period counts on offer, shortest first.</summary>
    public IReadOnlyList<int> Periods => [.. Offers.Select(o => o.Periods).Order()];

    /// <returns>The offer for <paramref name="periods"/>, or null if the table has none.</returns>
    public InstallmentOffer? FindOffer(int periods) => Offers.FirstOrDefault(o => o.Periods == periods);

    /// <summary>Throws <see cref="InvalidOperationException"/> naming every problem if the table is unusable.</summary>
    /// <returns>This table, for chaining.</returns>
    public InstallmentProductTable Validate()
    {
        var problems = Problems().ToList();
        return problems.Count == 0
            ? this
            : throw new InvalidOperationException($"The installment product table is invalid: {string.Join(" ", problems)}");
    }

    IEnumerable<ValidationResult> IValidatableObject.Validate(ValidationContext validationContext) =>
        Problems().Select(p => new ValidationResult(p));

    private IEnumerable<string> Problems()
    {
        if (Offers is null || Offers.Count == 0)
        {
            yield return $"{nameof(Offers)} must list at least one offer.";
            yield break;
        }

        var seen = new HashSet<int>();
        for (var i = 0; i < Offers.Count; i++)
        {
            var offer = Offers[i];
            if (offer is null)
            {
                yield return $"{nameof(Offers)}[{i}] is missing.";
                continue;
            }

            if (offer.Periods <= 0)
            {
                yield return $"{nameof(Offers)}[{i}].{nameof(offer.Periods)} must be greater than 0 (was {offer.Periods}).";
            }
            else if (!seen.Add(offer.Periods))
            {
                yield return $"{nameof(Offers)}[{i}].{nameof(offer.Periods)} {offer.Periods} is offered more than once.";
            }

            if (!IsRate(offer.FeeRatePerPeriod))
            {
                yield return $"{nameof(Offers)}[{i}].{nameof(offer.FeeRatePerPeriod)} must be at least 0 and less than 1 " +
                    $"(was {Invariant(offer.FeeRatePerPeriod)}).";
            }
        }

        if (MinimumAmount <= 0)
        {
            yield return $"{nameof(MinimumAmount)} must be greater than 0 (was {Invariant(MinimumAmount)}).";
        }

        if (MinimumAmount > MaximumAmount)
        {
            yield return $"{nameof(MinimumAmount)} ({Invariant(MinimumAmount)}) must not exceed " +
                $"{nameof(MaximumAmount)} ({Invariant(MaximumAmount)}).";
        }

        if (!IsRate(EarlyPayoffFeeRate))
        {
            yield return $"{nameof(EarlyPayoffFeeRate)} must be at least 0 and less than 1 (was {Invariant(EarlyPayoffFeeRate)}).";
        }
    }

    internal static bool IsRate(decimal rate) => rate is >= 0m and < 1m;

    private static string Invariant(decimal value) => value.ToString(CultureInfo.InvariantCulture);
}
