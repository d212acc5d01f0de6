using Conversational.Knowledge.Understanding;
using Conversational.Skills.Dialogs;

namespace Conversational.Skills.Pricing;

/// <summary>The dialog's moves: read the cart, look up what the message names, price the cart or suggest items, fire Read.</summary>
public sealed partial class PriceDialog
{
    /// <summary>The cart as the catalog has it now (a SKU no longer sold drops out), and its products by SKU.</summary>
    private async Task<CartState> LoadAsync(Run run, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var products = (await catalog.FindBySkusAsync([.. run.Slots.Cart.Select(i => i.Sku)], cancellationToken))
            .ToDictionary(p => p.Sku, StringComparer.Ordinal);
        run.Slots = run.Slots with { Cart = [.. run.Slots.Cart.Where(i => products.ContainsKey(i.Sku))] };
        return new CartState(products, now);
    }

    /// <summary>An offered product, picked by number or title.</summary>
    private async Task<Found> PickAsync(Run run, ProductOption option, CancellationToken cancellationToken)
    {
        if (await catalog.FindBySkuAsync(option.Sku, cancellationToken) is not { } product)
        {
            return new Found([], Modifiers.None, [run.Words.SkuNotFound(option.Sku)]);
        }

        var choice = run.Step == Step.ChoosingProduct ? run.Slots.Choices[0] : null;
        return new Found([new Named(product, [], choice?.Quantity, choice?.Size, null)], Modifiers.None, []);
    }

    /// <summary>
    /// Each part of the message looked up: a SKU by SKU, anything else by name. A quantity or size in a part that names
    /// no product goes with the product named before it in the message (or else after it); with none, it is loose.
    /// </summary>
    private async Task<Found> LookUpAsync(Run run, SkillTurn turn, PriceMessage message, CartState cart,
        CancellationToken cancellationToken)
    {
        var named = new List<(int At, Named Item)>();
        var loose = new List<(int At, PriceClause Clause)>();
        var notices = new List<string>();
        var namesSomething = false;
        for (var at = 0; at < message.Clauses.Count; at++)
        {
            var clause = message.Clauses[at];
            if (clause.Sku is { } sku)
            {
                if (await catalog.FindBySkuAsync(sku, cancellationToken) is { } product)
                {
                    named.Add((at, new Named(product, [], clause.Quantity, clause.Size, clause.BareNumber)));
                }
                else
                {
                    notices.Add(run.Words.SkuNotFound(sku));
                }

                continue;
            }

            var matches = await catalog.SearchAsync(clause.Text, cancellationToken);
            if (matches.Count > 0)
            {
                named.Add((at, new Named(matches.Count == 1 ? matches[0] : null, matches.Count > 1 ? matches : [], clause.Quantity,
                    clause.Size, clause.BareNumber)));
            }
            else
            {
                namesSomething |= clause.NamesSomething;
                loose.Add((at, clause));
            }
        }

        var unattached = Modifiers.None;
        foreach (var (at, clause) in loose)
        {
            var target = named.FindLastIndex(n => n.At < at) is var before and >= 0 ? before : named.FindIndex(n => n.At > at);
            if (target >= 0)
            {
                var (index, item) = named[target];
                named[target] = (index, item with
                {
                    Quantity = item.Quantity ?? clause.Quantity,
                    Size = item.Size ?? clause.Size,
                    BareNumber = item.BareNumber ?? clause.BareNumber,
                });
            }
            else
            {
                unattached = unattached.With(clause, cart, run.Slots.Cart);
            }
        }

        if (named.Count == 0 && notices.Count == 0 && namesSomething && (turn.Understanding.Intent == Intents.PriceAfterCoupons
                || (run.Step is Step.AwaitingProduct or Step.ChoosingProduct && PriceAnswers.LooksLikeAName(turn.NormalizedText))))
        {
            notices.Add(run.Words.NameNotFound);
        }

        if (message.TooMany)
        {
            notices.Add(run.Words.TooMany);
        }

        return new Found([.. named.Select(n => n.Item)], unattached with { Adds = message.Adds }, notices);
    }

    /// <summary>Moves to where the cart and choices lead: priced first if complete, suggestions read first if nothing is named.</summary>
    private async Task FireAsync(Run run, CartState cart, IReadOnlyList<PriceItem> items, IReadOnlyList<PriceChoice> choices,
        CancellationToken cancellationToken)
    {
        run.Slots = run.Slots with { Cart = items, Choices = choices };
        PricedCart? priced = null;
        if (choices.Count == 0 && items.Count > 0)
        {
            run.Slots = run.Slots with { WantedQuantity = null, WantedSize = null, Suggested = [] };
            priced = await PriceAsync(cart, run.Slots, cancellationToken);
        }
        else if (choices.Count == 0)
        {
            var featured = await catalog.ListFeaturedAsync(cart.Now, SuggestionsOffered, cancellationToken);
            run.Slots = run.Slots with { Suggested = [.. featured.Select(ProductOption.Of)] };
        }

        run.Fire(new Reading(items, choices, priced));
    }

    /// <summary>The cart of <paramref name="slots"/> priced with the coupons valid now and just ended; null unless complete.</summary>
    private async Task<PricedCart?> PriceAsync(CartState cart, PriceSlots slots, CancellationToken cancellationToken)
    {
        if (slots.Cart.Count == 0 || slots.Choices.Count > 0)
        {
            return null;
        }

        var coupons = await catalog.ListCouponsAsync(cart.Now, cart.Now - RecentlyEnded, cancellationToken);
        return PricedCart.Of([.. slots.Cart.Select(i => new CartLine(cart.Products[i.Sku], i.Quantity, i.Size))], coupons, cart.Now);
    }

    /// <summary>The cart's products by SKU (growing as the message names more) and the turn's moment.</summary>
    private sealed record CartState(Dictionary<string, Product> Products, DateTimeOffset Now);

    /// <summary>What the message named, looked up; quantities and sizes naming no product; what could not be found.</summary>
    private sealed record Found(IReadOnlyList<Named> Items, Modifiers Loose, IReadOnlyList<string> Notices);

    /// <summary>A product (or several that fit a name) with the quantity and size said with it.</summary>
    private sealed record Named(Product? Product, IReadOnlyList<Product> Options, int? Quantity, string? Size, string? BareNumber);

    /// <summary>A quantity and size with no product named in the message; <see cref="Adds"/> when they add to a line.</summary>
    private sealed record Modifiers(int? Quantity, string? Size, string? BareNumber, bool Adds)
    {
        public static Modifiers None { get; } = new(null, null, null, false);

        public bool Any => Quantity is not null || Size is not null || BareNumber is not null;

        /// <summary>These and a clause's, the first of each kept; a bare number only if a product in the cart comes in it.</summary>
        public Modifiers With(PriceClause clause, CartState cart, IReadOnlyList<PriceItem> items) => this with
        {
            Quantity = Quantity ?? clause.Quantity,
            Size = Size ?? clause.Size,
            BareNumber = BareNumber ?? (clause.BareNumber is { } n
                && items.Any(i => cart.Products[i.Sku].Sizes.Contains(n, StringComparer.Ordinal)) ? n : null),
        };
    }
}
