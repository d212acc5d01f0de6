using System.ComponentModel.DataAnnotations;

namespace Conversational.Host.Webhooks;

/// <summary>The warehouse and logistics webhook that moves return tickets. Bound from the <c>Returns</c> section.</summary>
public sealed class WarehouseWebhookOptions
{
    public const string SectionName = "Returns";

    /// <summary>
    /// The secret shared with the warehouse and the carriers, which sign every request with it. The one in the
    /// repository's appsettings.json is a demo value anyone can read: set your own (environment variable
    /// <c>Returns__WebhookSecret</c>) before a real sender points here.
    /// </summary>
    [Required(AllowEmptyStrings = false)]
    [MinLength(16)]
    public string WebhookSecret { get; set; } = "";

    /// <summary>How far a request's timestamp may be from now, either way: the window in which a captured request could be replayed.</summary>
    [Range(typeof(TimeSpan), "00:00:30", "01:00:00")]
    public TimeSpan WebhookTolerance { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Bytes in one request body; a status change is a few hundred.</summary>
    [Range(256, 1_048_576)]
    public int MaxWebhookBodyBytes { get; set; } = 8 * 1024;
}
