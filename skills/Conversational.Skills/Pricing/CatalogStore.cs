using System.Data.Common;
using System.Globalization;
using System.Text.Json;
using Conversational.Storage;

namespace Conversational.Skills.Pricing;

/// <summary>
/// The product attribute table (商品属性表) and the coupons, in the pricing area's tables. Each product and coupon is kept
/// whole as its JSON document (the demo catalog's shape), with the columns it is looked up by beside it: the SKU, both
/// names normalized for search, the activity's window and prices, the coupon's window. Instants are UTC round-trip text,
/// so text order is time order, the same on SQLite and PostgreSQL.
/// </summary>
public sealed class CatalogStore(Database database)
{
    public static readonly SchemaMigration Schema = new("pricing", 1, "products and coupons", db => $"""
        CREATE TABLE pricing_products (
            sku TEXT PRIMARY KEY,
            search_text TEXT NOT NULL,
            list_price_cents BIGINT NOT NULL,
            activity_price_cents BIGINT NULL,
            activity_starts TEXT NULL,
            activity_ends TEXT NULL,
            document {db.JsonType} NOT NULL
        );
        CREATE INDEX pricing_products_by_activity ON pricing_products (activity_ends, activity_starts);
        CREATE TABLE pricing_coupons (
            coupon_id TEXT PRIMARY KEY,
            valid_from TEXT NOT NULL,
            valid_until TEXT NOT NULL,
            document {db.JsonType} NOT NULL
        );
        CREATE INDEX pricing_coupons_by_validity ON pricing_coupons (valid_until, valid_from);
        """);

    /// <summary>Most rows a name search ranks; the prefilter lets through only names sharing a pair or a word with the text.</summary>
    private const int SearchedRows = 200;

    private static readonly JsonSerializerOptions Json = new(DemoCatalog.JsonOptions) { WriteIndented = false };

    public async Task<Product?> FindBySkuAsync(string sku, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sku);
        return (await FindBySkusAsync([sku], cancellationToken)).FirstOrDefault();
    }

    /// <summary>The products of these SKUs that exist, by SKU.</summary>
    public async Task<IReadOnlyList<Product>> FindBySkusAsync(IReadOnlyCollection<string> skus, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(skus);
        if (skus.Count == 0)
        {
            return [];
        }

        var parameters = skus.Distinct(StringComparer.Ordinal).Select((sku, i) => ($"@sku{i}", (object?)sku)).ToArray();
        await using var command = database.DataSource.CreateCommand(
            $"SELECT document FROM pricing_products WHERE sku IN ({string.Join(", ", parameters.Select(p => p.Item1))}) ORDER BY sku");
        Database.AddParameters(command, parameters);
        return await ReadAsync<Product>(command, cancellationToken);
    }

    /// <summary>
    /// The products <paramref name="text"/> names best (<see cref="ProductSearch"/>): one when it is clear, several when
    /// they score the same, none when no name shares a character pair or a word with it.
    /// </summary>
    public async Task<IReadOnlyList<Product>> SearchAsync(string text, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(text);
        var terms = ProductSearch.Terms(text);
        if (terms.Count == 0)
        {
            return [];
        }

        var parameters = terms.Select((term, i) => ($"@term{i}", (object?)$"%{term}%")).ToArray();
        await using var command = database.DataSource.CreateCommand(
            $"""
            SELECT document FROM pricing_products
            WHERE {string.Join(" OR ", parameters.Select(p => $"search_text LIKE {p.Item1}"))}
            ORDER BY sku LIMIT {SearchedRows}
            """);
        Database.AddParameters(command, parameters);
        return ProductSearch.Best(text, await ReadAsync<Product>(command, cancellationToken));
    }

    /// <summary>Products on an activity price at <paramref name="now"/>, the biggest saving first: what the bot suggests.</summary>
    public async Task<IReadOnlyList<Product>> ListFeaturedAsync(DateTimeOffset now, int limit, CancellationToken cancellationToken)
    {
        await using var command = database.DataSource.CreateCommand(
            """
            SELECT document FROM pricing_products
            WHERE activity_starts <= @now AND activity_ends > @now
            ORDER BY list_price_cents - activity_price_cents DESC, sku LIMIT @limit
            """);
        Database.AddParameters(command, ("@now", Instant(now)), ("@limit", limit));
        return await ReadAsync<Product>(command, cancellationToken);
    }

    /// <summary>
    /// The coupons valid at <paramref name="now"/> and those that ended after <paramref name="endedSince"/>, by id: the
    /// ones a quote uses, and the ones it can say have just ended. Coupons not started yet are not among them.
    /// </summary>
    public async Task<IReadOnlyList<Coupon>> ListCouponsAsync(DateTimeOffset now, DateTimeOffset endedSince,
        CancellationToken cancellationToken)
    {
        await using var command = database.DataSource.CreateCommand(
            "SELECT document FROM pricing_coupons WHERE valid_from <= @now AND valid_until > @since ORDER BY coupon_id");
        Database.AddParameters(command, ("@now", Instant(now)), ("@since", Instant(endedSince)));
        return await ReadAsync<Coupon>(command, cancellationToken);
    }

    /// <summary>Adds the products and coupons, replacing those with the same SKU or id, in one transaction.</summary>
    public async Task SaveAsync(IReadOnlyList<Product> products, IReadOnlyList<Coupon> coupons, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(products);
        ArgumentNullException.ThrowIfNull(coupons);
        await using var write = await database.BeginWriteAsync(cancellationToken);
        foreach (var product in products)
        {
            var activity = product.ActivityPrice;
            await write.ExecuteAsync(
                $"""
                INSERT INTO pricing_products (sku, search_text, list_price_cents, activity_price_cents, activity_starts, activity_ends,
                    document)
                VALUES (@sku, @search, @list, @activity, @starts, @ends, {database.Json("@document")})
                ON CONFLICT (sku) DO UPDATE SET search_text = excluded.search_text, list_price_cents = excluded.list_price_cents,
                    activity_price_cents = excluded.activity_price_cents, activity_starts = excluded.activity_starts,
                    activity_ends = excluded.activity_ends, document = excluded.document
                """,
                cancellationToken,
                ("@sku", product.Sku), ("@search", ProductSearch.SearchText(product)), ("@list", Cents(product.ListPrice)),
                ("@activity", activity is null ? null : Cents(activity.Price)),
                ("@starts", activity is null ? null : Instant(activity.Starts)),
                ("@ends", activity is null ? null : Instant(activity.Ends)),
                ("@document", JsonSerializer.Serialize(product, Json)));
        }

        foreach (var coupon in coupons)
        {
            await write.ExecuteAsync(
                $"""
                INSERT INTO pricing_coupons (coupon_id, valid_from, valid_until, document)
                VALUES (@id, @from, @until, {database.Json("@document")})
                ON CONFLICT (coupon_id) DO UPDATE SET valid_from = excluded.valid_from, valid_until = excluded.valid_until,
                    document = excluded.document
                """,
                cancellationToken,
                ("@id", coupon.Id), ("@from", Instant(coupon.ValidFrom)), ("@until", Instant(coupon.ValidUntil)),
                ("@document", JsonSerializer.Serialize(coupon, Json)));
        }

        await write.CommitAsync(cancellationToken);
    }

    private static async Task<IReadOnlyList<T>> ReadAsync<T>(DbCommand command, CancellationToken cancellationToken)
    {
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var items = new List<T>();
        while (await reader.ReadAsync(cancellationToken))
        {
            items.Add(JsonSerializer.Deserialize<T>(reader.GetString(0), Json)
                ?? throw new InvalidDataException($"A {typeof(T).Name} document is empty."));
        }

        return items;
    }

    private static long Cents(decimal yuan) => (long)(yuan * 100m);

    /// <summary>UTC in round-trip format, so that text order is time order.</summary>
    private static string Instant(DateTimeOffset at) => at.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture);
}
