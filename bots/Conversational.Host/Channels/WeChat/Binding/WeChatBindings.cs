using Conversational.Storage;

namespace Conversational.Host.Channels.WeChat.Binding;

/// <summary>What binding an OpenID came to.</summary>
public enum BindingOutcome
{
    /// <summary>Bound now, or already bound to the same customer.</summary>
    Bound,

    /// <summary>The OpenID belongs to another customer; it must be unbound first.</summary>
    BoundToAnother,
}

/// <summary>
/// 公众号绑定会员: which member a WeChat follower is, once the merchant's own sign-in page has told us. One customer per
/// OpenID (a customer may follow from several WeChat accounts).
/// </summary>
public sealed class WeChatBindings(Database database)
{
    public static readonly SchemaMigration Schema = new("wechat", 1, "OpenID to customer bindings", _ => """
        CREATE TABLE wechat_bindings (
            open_id TEXT PRIMARY KEY,
            customer_id TEXT NOT NULL
        );
        CREATE INDEX wechat_bindings_customer ON wechat_bindings (customer_id);
        """);

    /// <summary>The customer the follower is bound to, or null for an unbound follower.</summary>
    public async Task<string?> CustomerOfAsync(string openId, CancellationToken cancellationToken)
    {
        await using var command = database.DataSource.CreateCommand("SELECT customer_id FROM wechat_bindings WHERE open_id = @openId");
        Database.AddParameters(command, ("@openId", openId));
        return await command.ExecuteScalarAsync(cancellationToken) as string;
    }

    /// <summary>The followers bound to the member: usually one, more when they follow from several WeChat accounts.</summary>
    public async Task<IReadOnlyList<string>> OpenIdsOfAsync(string customerId, CancellationToken cancellationToken)
    {
        await using var command = database.DataSource.CreateCommand(
            "SELECT open_id FROM wechat_bindings WHERE customer_id = @customerId ORDER BY open_id");
        Database.AddParameters(command, ("@customerId", customerId));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var openIds = new List<string>();
        while (await reader.ReadAsync(cancellationToken))
        {
            openIds.Add(reader.GetString(0));
        }

        return openIds;
    }

    // Not named BindAsync: minimal APIs would take a BindAsync method for a parameter binder of the handlers that inject this.
    public async Task<BindingOutcome> AddAsync(string openId, string customerId, CancellationToken cancellationToken)
    {
        // Insert-or-nothing, then look: two binds racing for one OpenID cannot both win.
        await database.ExecuteAsync("""
            INSERT INTO wechat_bindings (open_id, customer_id) VALUES (@openId, @customerId)
            ON CONFLICT (open_id) DO NOTHING
            """, cancellationToken, ("@openId", openId), ("@customerId", customerId));
        return await CustomerOfAsync(openId, cancellationToken) == customerId ? BindingOutcome.Bound : BindingOutcome.BoundToAnother;
    }

    /// <returns>Whether the OpenID was bound.</returns>
    public async Task<bool> RemoveAsync(string openId, CancellationToken cancellationToken) =>
        await database.ExecuteAsync("DELETE FROM wechat_bindings WHERE open_id = @openId", cancellationToken, ("@openId", openId)) == 1;
}
