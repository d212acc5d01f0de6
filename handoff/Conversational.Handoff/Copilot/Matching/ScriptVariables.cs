using System.Text.RegularExpressions;

namespace Conversational.Handoff.Copilot;

/// <summary>The <c>{name}</c> variables of script and disclosure texts, filled from the conversation's slots and profile.</summary>
public static partial class ScriptVariables
{
    public const string CustomerName = "customer_name";
    public const string Amount = "amount";
    public const string Periods = "periods";
    public const string FeePerPeriod = "fee_per_period";
    public const string TotalFee = "total_fee";

    /// <summary>年化利率 (IRR) of the installment plan, as the skill shows it (e.g. 13.03%).</summary>
    public const string AnnualizedRate = "annualized_rate";
    public const string OrderId = "order_id";
    public const string Product = "product";
    public const string Date = "date";
    public const string CardLast4 = "card_last4";
    public const string AgentName = "agent_name";
    public const string TicketId = "ticket_id";

    /// <summary>The only variables a text may hold (validation refuses others).</summary>
    public static IReadOnlyList<string> Known { get; } =
        [CustomerName, Amount, Periods, FeePerPeriod, TotalFee, AnnualizedRate, OrderId, Product, Date, CardLast4, AgentName, TicketId];

    /// <summary>The variables of a template, each once, in order of first appearance.</summary>
    public static IReadOnlyList<string> Names(string template)
    {
        ArgumentNullException.ThrowIfNull(template);
        return [.. Variable().Matches(template).Select(match => match.Groups[1].Value).Distinct(StringComparer.Ordinal)];
    }

    /// <summary>
    /// The template with every variable that has a non-empty value filled in; a variable without one stays as
    /// <c>{name}</c>, so the agent sees what is left to complete before sending.
    /// </summary>
    public static string Fill(string template, IReadOnlyDictionary<string, string> values)
    {
        ArgumentNullException.ThrowIfNull(template);
        ArgumentNullException.ThrowIfNull(values);
        return Variable().Replace(template, match =>
            values.TryGetValue(match.Groups[1].Value, out var value) && !string.IsNullOrWhiteSpace(value) ? value : match.Value);
    }

    [GeneratedRegex(@"\{([A-Za-z_][A-Za-z0-9_]*)\}", RegexOptions.CultureInvariant)]
    private static partial Regex Variable();
}
