using System.Globalization;
using System.Text.Json;
using Conversational.Bots.Copilot.Llm;
using Conversational.Bots.Customers;
using Conversational.Skills.Dialogs;
using Conversational.Skills.Installments;

namespace Conversational.Bots.Copilot;

/// <summary>
/// The values a script's variables are filled with (<c>{amount}</c>, <c>{order_id}</c>…), from the skill dialog's slots and
/// the customer's profile. A value the conversation does not hold is left out, so the script keeps <c>{name}</c> for the
/// agent to complete. Fees come from the installment calculator, never estimated.
/// </summary>
public static class CopilotVariables
{
    public static IReadOnlyDictionary<string, string> From(DialogSnapshot? dialog, CustomerProfile? profile, string? agentName)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        if (profile is { DisplayName: { Length: > 0 } name })
        {
            values["customer_name"] = name;
        }

        if (agentName is { Length: > 0 })
        {
            values["agent_name"] = agentName;
        }

        if (dialog is { Slots.ValueKind: JsonValueKind.Object } snapshot)
        {
            AddInstallment(snapshot.Slots, values);
            if (Text(snapshot.Slots, "orderId") is { } orderId)
            {
                values["order_id"] = orderId;
            }
        }

        return values;
    }

    /// <summary>The installment dialog's slots (<c>InstallmentSlots</c>): the card, the amount and, once chosen, the plan.</summary>
    private static void AddInstallment(JsonElement slots, Dictionary<string, string> values)
    {
        var statement = slots.TryGetProperty("statement", out var s) && s.ValueKind == JsonValueKind.Object ? s : default;
        if ((Text(slots, "last4") ?? (statement.ValueKind == JsonValueKind.Object ? Text(statement, "last4") : null)) is { } last4)
        {
            values["card_last4"] = last4;
        }

        if (statement.ValueKind == JsonValueKind.Object && Text(statement, "dueDate") is { } due)
        {
            values["date"] = due;
        }

        var amount = Number(slots, "amount") is { } a and > 0 ? a : (decimal?)null;
        if (amount is { } installed)
        {
            values["amount"] = Money(installed);
        }

        var offer = slots.TryGetProperty("offer", out var o) && o.ValueKind == JsonValueKind.Object ? o : default;
        var periods = offer.ValueKind == JsonValueKind.Object ? (int?)Number(offer, "periods") : (int?)Number(slots, "requestedPeriods");
        if (periods is { } p and > 0)
        {
            values["periods"] = p.ToString(CultureInfo.InvariantCulture);
        }

        if (amount is { } principal && offer.ValueKind == JsonValueKind.Object && periods is > 0 && Number(offer, "feeRatePerPeriod") is { } rate)
        {
            var plan = InstallmentCalculator.Plan(principal, periods.Value, rate);
            values["fee_per_period"] = Money(plan.FeePerPeriod);
            values["total_fee"] = Money(plan.TotalFee);
            values["annualized_rate"] = (plan.AnnualizedRate * 100m).ToString("0.00", CultureInfo.InvariantCulture) + "%";
        }
    }

    // As the bot writes money (¥6,420.80), so a script reads like the plan the customer was shown.
    private static string Money(decimal yuan) => ToolFigures.Money(yuan);

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } text
            ? text
            : null;

    private static decimal? Number(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetDecimal(out var number)
            ? number
            : null;
}
