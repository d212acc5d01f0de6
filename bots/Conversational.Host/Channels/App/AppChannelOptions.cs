using System.ComponentModel.DataAnnotations;

namespace Conversational.Host.Channels.App;

/// <summary>The app API and web widget channel. Bound from the <c>AppChannel</c> section.</summary>
public sealed class AppChannelOptions
{
    public const string SectionName = "AppChannel";

    /// <summary>Characters in one customer message.</summary>
    [Range(1, 100_000)]
    public int MaxMessageLength { get; set; } = 2000;

    /// <summary>Bytes in one request body; larger bodies get 413 before anything is read into the store.</summary>
    [Range(256, 1_048_576)]
    public int MaxRequestBodyBytes { get; set; } = 16 * 1024;

    /// <summary>How long a customer token stays valid (the widget keeps it, so history survives a reload).</summary>
    [Range(typeof(TimeSpan), "00:01:00", "90.00:00:00")]
    public TimeSpan CustomerTokenLifetime { get; set; } = TimeSpan.FromDays(7);

    /// <summary>Messages one customer may send per minute before getting 429.</summary>
    [Range(1, 100_000)]
    public int MessagesPerMinutePerCustomer { get; set; } = 60;

    /// <summary>Visitors one client address may create per minute (each is a customer row).</summary>
    [Range(1, 1_000_000)]
    public int VisitorsPerMinutePerAddress { get; set; } = 120;

    /// <summary>
    /// Keys of the merchant's own back ends, which sign in the customers they have logged in (<c>POST
    /// /api/customer-sessions</c> with <c>X-Api-Key</c>), so the bot knows who it serves. Empty: nobody can.
    /// </summary>
    public string[] SessionApiKeys { get; set; } = [];

    /// <summary>How often an idle push stream sends a comment, so proxies keep it open and dead clients are noticed.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:05:00")]
    public TimeSpan StreamKeepAlive { get; set; } = TimeSpan.FromSeconds(15);
}
