using System.ComponentModel.DataAnnotations;

namespace Conversational.Host.Security;

/// <summary>Bound from the <c>Security</c> section.</summary>
public sealed class SecurityOptions
{
    public const string SectionName = "Security";

    /// <summary>
    /// Where the keys that sign customer tokens and staff cookies are kept; generated on first start, never committed.
    /// Tokens survive a restart because the keys do.
    /// </summary>
    [Required]
    public string KeysPath { get; set; } = "data/keys";
}
