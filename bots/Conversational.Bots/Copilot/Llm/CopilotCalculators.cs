using System.ComponentModel;
using System.Text.Json.Serialization;
using Conversational.Skills.Installments;
using Conversational.Skills.Pricing;
using Conversational.Skills.Returns;
using Microsoft.Extensions.Options;
using Microsoft.SemanticKernel;
using static Conversational.Bots.Copilot.Llm.ToolFigures;

namespace Conversational.Bots.Copilot.Llm;

/// <summary>
/// The skills' exact calculators as Semantic Kernel functions, so the language model calls a tool for every figure
/// instead of doing arithmetic: 到手价 (<see cref="PriceCalculator"/>), 账单分期 (<see cref="InstallmentCalculator"/> on the
/// configured product table) and 退换货 eligibility (<see cref="ReturnPolicyCheck"/>). One instance serves one
/// conversation: order look-ups see only that conversation's customer's orders. A request the calculators cannot
/// answer throws <see cref="ArgumentException"/> with a message the model can act on (which periods are offered…).
/// </summary>
public sealed class CopilotCalculators(
    string customerId,
    CatalogStore catalog,
    IOptions<InstallmentProductTable> installments,
    OrderStore orders,
    StockStore stock,
    RmaStore rmas,
    ReturnPolicyCheck returns,
    TimeProvider time)
{
    public const string PluginName = "calculators";

    [KernelFunction("installment_plan")]
    [Description("Bill installment (账单分期) plan for an amount in yuan over a number of monthly periods: payments, fees, " +
        "total and annualized rate, exactly as the bank computes them.")]
    public InstallmentPlanAnswer InstallmentPlan(
        [Description("Amount to split, in yuan, e.g. 6000")] decimal amount,
        [Description("Number of monthly periods, e.g. 12")] int periods)
    {
        var table = installments.Value;
        if (table.FindOffer(periods) is not { } offer)
        {
            throw new ArgumentException($"{periods} periods are not offered; the periods offered are {string.Join(", ", table.Periods)}.",
                nameof(periods));
        }

        if (amount < table.MinimumAmount || amount > table.MaximumAmount || decimal.Round(amount, 2) != amount)
        {
            throw new ArgumentException(
                $"An installment is for {Money(table.MinimumAmount)} to {Money(table.MaximumAmount)} in whole cents, not {amount}.",
                nameof(amount));
        }

        var plan = InstallmentCalculator.Plan(amount, offer);
        return new InstallmentPlanAnswer(Money(plan.Amount), plan.Periods, Rate(plan.FeeRatePerPeriod), Money(plan.FirstPayment),
            Money(plan.RegularPayment), Money(plan.FeePerPeriod), Money(plan.TotalFee), Money(plan.TotalRepayment),
            AnnualizedRate(plan.AnnualizedRate), Rate(table.EarlyPayoffFeeRate));
    }

    [KernelFunction("price_after_coupons")]
    [Description("Price after coupons (到手价) of a cart right now: activity prices, then the best legal combination of the " +
        "shop's coupons.")]
    public async Task<PriceAnswer> PriceAfterCouponsAsync(
        [Description("The cart's items")] IReadOnlyList<CartItem> items,
        CancellationToken cancellationToken)
    {
        if (items is not { Count: > 0 })
        {
            throw new ArgumentException("Name at least one item.", nameof(items));
        }

        var now = time.GetUtcNow();
        var lines = new List<CartLine>(items.Count);
        foreach (var item in items)
        {
            var product = await FindProductAsync(item.Product, cancellationToken);
            lines.Add(new CartLine(product, item.Quantity, string.IsNullOrWhiteSpace(item.Size) ? null : item.Size.Trim()));
        }

        var quote = PriceCalculator.Quote(lines, await catalog.ListCouponsAsync(now, now, cancellationToken), now);
        return new PriceAnswer(Money(quote.ListTotal), Money(quote.SubtotalAfterActivity), Money(quote.FinalTotal), Money(quote.TotalSaving),
            [.. quote.Lines.Select((line, i) => new PriceLineAnswer(line.Sku, lines[i].Product.Name, line.Size, line.Quantity,
                Money(line.ListAmount), Money(line.FinalAmount)))],
            [.. quote.CouponsUsed.Select(c => c.Name)],
            quote.NextThreshold is { } next ? $"{Money(next.ExtraSpend)} more on {next.Name} saves {Money(next.ExtraSaving)} more" : null);
    }

    [KernelFunction("return_eligibility")]
    [Description("Whether the lines of one of this customer's orders may be returned (refund) or exchanged now, until which " +
        "day, who pays the return shipping and how much a refund gives back.")]
    public async Task<ReturnEligibilityAnswer> ReturnEligibilityAsync(
        [Description("The order number, e.g. E20261119003")] string orderId,
        [Description("Why: NoReason, WrongSize, Quality or WrongItem")] ReturnReason reason,
        [Description("Refund or Exchange")] ReturnKind kind,
        [Description("Only this order line; omit for every line")] int? lineNo = null,
        CancellationToken cancellationToken = default)
    {
        // Another customer's order is answered as unknown: the agent may see only this conversation's customer.
        var order = await orders.FindAsync(orderId.Trim(), cancellationToken) is { } found && found.CustomerId == customerId
            ? found
            : throw new ArgumentException($"This customer has no order {orderId}.", nameof(orderId));
        var items = order.Items.Where(item => lineNo is null || item.LineNo == lineNo).ToList();
        if (items.Count == 0)
        {
            throw new ArgumentException($"Order {order.OrderId} has no line {lineNo}.", nameof(lineNo));
        }

        var inStock = await stock.ForSkusAsync(items.Select(item => item.Sku), cancellationToken);
        var returned = ReturnPolicyCheck.ReturnedLines(order.OrderId, await rmas.ListByCustomerAsync(customerId, cancellationToken));
        var now = time.GetUtcNow();
        return new ReturnEligibilityAnswer(order.OrderId, reason.ToString(), kind.ToString(), [.. items.Select(item =>
            returns.Evaluate(order, item, reason, kind, exchangeSize: null, inStock.Available, returned, now) switch
            {
                ReturnAllowed allowed => new ReturnLineAnswer(item.LineNo, item.Name, item.Size, Allowed: true, Refusal: null,
                    Day(allowed.LastDay), allowed.FreeReturnShipping, kind == ReturnKind.Refund ? Money(allowed.RefundAmount) : null),
                ReturnRefused refused => new ReturnLineAnswer(item.LineNo, item.Name, item.Size, Allowed: false, refused.Reason.ToString(),
                    refused.LastDay is { } last ? Day(last) : null, FreeReturnShipping: null, RefundAmount: null),
                var other => throw new InvalidOperationException($"Unexpected return decision {other}."),
            })]);
    }

    private async Task<Product> FindProductAsync(string product, CancellationToken cancellationToken)
    {
        if (await catalog.FindBySkuAsync(product.Trim(), cancellationToken) is { } bySku)
        {
            return bySku;
        }

        return await catalog.SearchAsync(product, cancellationToken) switch
        {
            [var only] => only,
            [] => throw new ArgumentException($"No product is called {product}.", nameof(product)),
            var several => throw new ArgumentException(
                $"{product} could be {string.Join(", ", several.Select(p => $"{p.Sku} ({p.Name})"))}; name one SKU.", nameof(product)),
        };
    }
}

/// <summary>One item of a cart to price; named in lower case like the functions' other parameters, as models write them.</summary>
/// <param name="Product">The SKU (e.g. SH-1001) or the product's name.</param>
/// <param name="Size">One of the product's sizes, or none.</param>
public sealed record CartItem(
    [property: JsonPropertyName("product"), Description("SKU (e.g. SH-1001) or product name")] string Product,
    [property: JsonPropertyName("quantity"), Description("How many, 1 or more")] int Quantity = 1,
    [property: JsonPropertyName("size"), Description("Size, e.g. 42 or L; omit when unknown")] string? Size = null);
