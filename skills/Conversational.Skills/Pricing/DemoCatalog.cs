using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Unicode;

namespace Conversational.Skills.Pricing;

/// <summary>
/// Demo products and coupons for the price skill, from <c>Pricing/demo-catalog.json</c> (embedded as
/// <see cref="ResourceName"/>). The JSON maps one to one onto the records with System.Text.Json's web defaults:
/// camelCase names, enums as camelCase strings, <see cref="CouponTerms"/> told apart by a <c>kind</c> property.
/// The demo's today is <see cref="DemoDay"/>; <see cref="ShiftedTo"/> moves it to any other day.
/// </summary>
public sealed record DemoCatalog(IReadOnlyList<Product> Products, IReadOnlyList<Coupon> Coupons)
{
    public const string ResourceName = "Conversational.Skills.Pricing.demo-catalog.json";

    /// <summary>The day the demo's windows are written for: 双十一 has ended, 冬季特惠 runs, 双十二 is ahead.</summary>
    public static readonly DateOnly DemoDay = new(2026, 11, 23);

    /// <summary>The options the catalog is read with; use them to write one too.</summary>
    public static JsonSerializerOptions JsonOptions { get; } = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false) },
        AllowOutOfOrderMetadataProperties = true,
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
        WriteIndented = true,
        // Chinese names and ¥ as themselves, not \uXXXX; HTML-sensitive characters are still escaped.
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
    };

    public IReadOnlyList<Product> Products { get; } = Unique(Products, product => product.Sku, "SKU");

    public IReadOnlyList<Coupon> Coupons { get; } = Unique(Coupons, coupon => coupon.Id, "coupon id");

    /// <summary>Reads a catalog; malformed JSON is a <see cref="JsonException"/>, invalid values an <see cref="ArgumentException"/>.</summary>
    public static DemoCatalog Parse(string json) =>
        JsonSerializer.Deserialize<DemoCatalog>(json, JsonOptions) ?? throw new JsonException("The catalog is null.");

    /// <inheritdoc cref="Parse(string)"/>
    public static DemoCatalog Parse(Stream json) =>
        JsonSerializer.Deserialize<DemoCatalog>(json, JsonOptions) ?? throw new JsonException("The catalog is null.");

    /// <summary>The catalog embedded in this assembly.</summary>
    public static DemoCatalog Load()
    {
        using var stream = typeof(DemoCatalog).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"Resource {ResourceName} is missing from {typeof(DemoCatalog).Assembly.GetName().Name}.");
        return Parse(stream);
    }

    /// <summary>
    /// The same catalog with every activity and coupon window moved by as many whole days as <paramref name="today"/> is
    /// after <see cref="DemoDay"/>, so each offer is as far from ending (or starting) on that day as on the demo day.
    /// Prices, names and everything else stay.
    /// </summary>
    public DemoCatalog ShiftedTo(DateOnly today)
    {
        var days = today.DayNumber - DemoDay.DayNumber;
        if (days == 0)
        {
            return this;
        }

        // The checked members cannot be set with `with`, so each record is built again.
        ActivityPrice? Moved(ActivityPrice? a) =>
            a is null ? null : new ActivityPrice(a.Price, a.Name, a.NameEn, a.Starts.AddDays(days), a.Ends.AddDays(days));
        return new DemoCatalog(
            [.. Products.Select(p => new Product(p.Sku, p.Name, p.NameEn, p.Category, p.Brand, p.StoreId, p.ListPrice, p.Sizes, p.Colour,
                p.Material, Moved(p.ActivityPrice)))],
            [.. Coupons.Select(c => new Coupon(c.Id, c.Name, c.NameEn, c.Issuer, c.Scope, c.Terms, c.ValidFrom.AddDays(days),
                c.ValidUntil.AddDays(days), c.StackGroup, c.StoreId, c.Category, c.Skus))]);
    }

    private static IReadOnlyList<T> Unique<T>(IReadOnlyList<T> items, Func<T, string> key, string what)
    {
        Require.NotNull(items, what + "s");
        var duplicate = items.GroupBy(key, StringComparer.Ordinal).FirstOrDefault(same => same.Count() > 1);
        return duplicate is null ? items : throw new ArgumentException($"The catalog has {what} {duplicate.Key} twice.", what);
    }
}
