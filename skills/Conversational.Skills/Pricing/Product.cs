namespace Conversational.Skills.Pricing;

/// <summary>
/// One row of the product attribute table (商品属性表): what the bot needs to quote a price (到手价) and to answer the
/// questions that come with it (size, colour, material). <see cref="Category"/> is a slug such as <c>running-shoes</c>;
/// coupons scoped to a category or store match it ordinally. Prices are whole cents; an activity price may not exceed
/// the list price. Checked on construction (<see cref="ArgumentException"/>); the checked members cannot be changed
/// with <c>with</c>.
/// </summary>
/// <param name="Name">Chinese name, e.g. 轻羽跑鞋.</param>
/// <param name="NameEn">English name.</param>
/// <param name="ActivityPrice">A limited-time sale price (活动价), or none.</param>
public sealed record Product(
    string Sku,
    string Name,
    string NameEn,
    string Category,
    string Brand,
    string StoreId,
    decimal ListPrice,
    IReadOnlyList<string> Sizes,
    string Colour,
    string Material,
    ActivityPrice? ActivityPrice = null)
{
    public string Sku { get; } = Require.Text(Sku, nameof(Sku));

    public string Category { get; } = Require.Text(Category, nameof(Category));

    public string StoreId { get; } = Require.Text(StoreId, nameof(StoreId));

    /// <summary>The everyday price of one unit (划线价), in yuan.</summary>
    public decimal ListPrice { get; } = Money.RequirePositive(ListPrice, nameof(ListPrice));

    public IReadOnlyList<string> Sizes { get; } = Require.Texts(Sizes, nameof(Sizes));

    public ActivityPrice? ActivityPrice { get; } = ActivityPrice is null || ActivityPrice.Price <= ListPrice
        ? ActivityPrice
        : throw new ArgumentException(
            $"The activity price {ActivityPrice.Price} of {Sku} is above its list price {ListPrice}.", nameof(ActivityPrice));
}
