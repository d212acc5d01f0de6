namespace Conversational.Skills.Pricing;

/// <summary>How a message changes the cart: items added, changed or removed, a quantity or size for a line, a choice made.</summary>
public sealed partial class PriceDialog
{
    /// <summary>Changes the cart as the message says, says what could not be done, and prices it (or asks what is missing).</summary>
    private async Task ChangeAsync(Run run, PriceMessage message, CartState cart, Found found, CancellationToken cancellationToken)
    {
        var notices = new List<string>(found.Notices);
        var items = new List<PriceItem>(run.Slots.Cart);
        var choices = new List<PriceChoice>(run.Slots.Choices);
        foreach (var product in found.Items.Select(n => n.Product).OfType<Product>())
        {
            cart.Products[product.Sku] = product;
        }

        if (found.Items.Count > 0)
        {
            var adding = true;
            if (run.Step == Step.Quoted && message.Removes)
            {
                items.RemoveAll(i => found.Items.Any(n => n.Product?.Sku == i.Sku));
            }
            else
            {
                if (run.Step == Step.Quoted && !message.Adds)
                {
                    // Naming only what is already in the cart changes those lines; naming something else starts a new cart.
                    adding = !found.Items.All(n => n.Product is { } p && items.Exists(i => i.Sku == p.Sku));
                    if (adding)
                    {
                        items.Clear();
                    }
                }
                else if (run.Step == Step.ChoosingProduct && choices.Count > 0)
                {
                    choices.RemoveAt(0); // picked, or answered with another product
                }

                // A quantity or size said before any product (买两双42码的) goes with the first one named.
                var first = found.Items[0] with
                {
                    Quantity = found.Items[0].Quantity ?? run.Slots.WantedQuantity,
                    Size = found.Items[0].Size ?? run.Slots.WantedSize,
                };
                foreach (var named in found.Items.Skip(1).Prepend(first))
                {
                    Put(run.Words, items, choices, named, adding, notices);
                }

                run.Slots = run.Slots with { WantedQuantity = null, WantedSize = null };
            }
        }
        else
        {
            ChangeLoose(run, cart, found.Loose, items, choices, notices);
        }

        run.Say(notices);
        if (run.Step == Step.Quoted && choices.Count == 0 && items.SequenceEqual(run.Slots.Cart) && notices.Count > 0)
        {
            // Nothing changed, and the customer has been told why: the quote stands.
            return;
        }

        await FireAsync(run, cart, items, choices, cancellationToken);
    }

    /// <summary>A quantity or size naming no product: for the product asked for next, the choice being made, or a cart line.</summary>
    private static void ChangeLoose(Run run, CartState cart, Modifiers loose, List<PriceItem> items, List<PriceChoice> choices,
        List<string> notices)
    {
        switch (run.Step)
        {
            case Step.Quoted when items.Count > 0:
                // 买两件XL的呢: the last line that comes in that size, or else the last line.
                var size = loose.Size ?? loose.BareNumber;
                var at = size is null ? -1 : items.FindLastIndex(i => cart.Products[i.Sku].Sizes.Contains(size, StringComparer.Ordinal));
                at = at >= 0 ? at : items.Count - 1;
                var line = items[at];
                var quantity = loose.Adds ? line.Quantity + (loose.Quantity ?? 1) : loose.Quantity ?? line.Quantity;
                items[at] = line with
                {
                    Quantity = Capped(quantity, run.Words, notices),
                    Size = SizeOf(cart.Products[line.Sku], loose.Size, loose.BareNumber, run.Words, notices) ?? line.Size,
                };
                break;
            case Step.ChoosingProduct when choices.Count > 0:
                choices[0] = choices[0] with { Quantity = loose.Quantity ?? choices[0].Quantity, Size = loose.Size ?? choices[0].Size };
                break;
            default:
                run.Slots = run.Slots with
                {
                    WantedQuantity = loose.Quantity ?? run.Slots.WantedQuantity,
                    WantedSize = loose.Size ?? run.Slots.WantedSize,
                };
                break;
        }
    }

    /// <summary>A named product into the cart (adding to its line, or changing it), or a name that fits several into the choices.</summary>
    private static void Put(PriceWording words, List<PriceItem> items, List<PriceChoice> choices, Named named, bool adding,
        List<string> notices)
    {
        if (named.Product is not { } product)
        {
            var options = named.Options.Take(OptionsOffered).Select(ProductOption.Of).ToList();
            choices.Add(new PriceChoice(options, named.Options.Count, named.Quantity, named.Size));
            return;
        }

        var size = SizeOf(product, named.Size, named.BareNumber, words, notices);
        var at = items.FindLastIndex(i => i.Sku == product.Sku && (size is null || i.Size is null || i.Size == size));
        if (at < 0)
        {
            items.Add(new PriceItem(product.Sku, named.Quantity ?? 1, size));
            return;
        }

        var line = items[at];
        var quantity = adding ? line.Quantity + (named.Quantity ?? 1) : named.Quantity ?? line.Quantity;
        items[at] = line with { Quantity = Capped(quantity, words, notices), Size = size ?? line.Size };
    }

    /// <summary>The size named if the product comes in it (else said, with its sizes), or a bare number that is one of its sizes.</summary>
    private static string? SizeOf(Product product, string? size, string? bareNumber, PriceWording words, List<string> notices)
    {
        if (size is not null)
        {
            if (product.Sizes.Contains(size, StringComparer.Ordinal))
            {
                return size;
            }

            notices.Add(words.SizeNotOffered(product, size));
            return null;
        }

        return bareNumber is not null && product.Sizes.Contains(bareNumber, StringComparer.Ordinal) ? bareNumber : null;
    }

    private static int Capped(int quantity, PriceWording words, List<string> notices)
    {
        if (quantity <= CartLine.MaxQuantity)
        {
            return quantity;
        }

        notices.Add(words.TooMany);
        return CartLine.MaxQuantity;
    }
}
