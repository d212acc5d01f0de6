using System.ComponentModel.DataAnnotations;

namespace Conversational.Host.Channels.DirectLine;

/// <summary>The Bot Framework Direct Line 3.0 channel (Web Chat and other Direct Line clients). Bound from <c>DirectLine</c>.</summary>
public sealed class DirectLineOptions : IValidatableObject
{
    public const string SectionName = "DirectLine";

    /// <summary>Shortest secret accepted; a short one could be guessed.</summary>
    public const int MinimumSecretLength = 24;

    /// <summary>
    /// The Direct Line secrets: a holder may mint tokens and reach every Direct Line conversation, so they belong in the
    /// merchant's back end, never in a page. Several allow rotation. Empty: the channel answers 403 to everyone.
    /// </summary>
    public string[] Secrets { get; set; } = [];

    /// <summary>
    /// Origins of the pages that may call the channel from a browser (Web Chat embedded on the merchant's site), or
    /// <c>*</c> for any: credentials are bearer tokens, never cookies, so a page elsewhere gains nothing without one.
    /// </summary>
    public string[] AllowedOrigins { get; set; } = ["*"];

    /// <summary>How long a token is valid (Direct Line's <c>expires_in</c>); clients refresh at half of it.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "1.00:00:00")]
    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>Characters in one customer message.</summary>
    [Range(1, 100_000)]
    public int MaxMessageLength { get; set; } = 2000;

    /// <summary>Bytes in one request body; larger bodies get 413.</summary>
    [Range(1024, 1_048_576)]
    public int MaxRequestBodyBytes { get; set; } = 32 * 1024;

    /// <summary>Activities one conversation may post per minute before getting 429.</summary>
    [Range(1, 1_000_000)]
    public int MessagesPerMinutePerConversation { get; set; } = 60;

    /// <summary>How often an idle stream sends an empty frame, so proxies keep the socket open and a dead client is noticed.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:05:00")]
    public TimeSpan StreamKeepAlive { get; set; } = TimeSpan.FromSeconds(15);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Secrets.Any(s => string.IsNullOrWhiteSpace(s) || s.Length < MinimumSecretLength))
        {
            yield return new ValidationResult($"Every Direct Line secret must have at least {MinimumSecretLength} characters.",
                [nameof(Secrets)]);
        }
    }
}
