using System.Threading.RateLimiting;
using Conversational.Host.Channels.DirectLine;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

public static class DirectLineServiceCollectionExtensions
{
    public const string MessageRateLimit = "directline-messages";

    /// <summary>The Direct Line 3.0 channel: options (validated at start), tokens, typing signals and the stream.</summary>
    public static WebApplicationBuilder AddDirectLineChannel(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOptions<DirectLineOptions>()
            .BindConfiguration(DirectLineOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<DirectLineTokens>();
        builder.Services.AddSingleton<TypingSignals>();
        builder.Services.AddSingleton<DirectLineStream>();
        builder.Services.AddRateLimiter(limiter => limiter.AddPolicy(MessageRateLimit, http => RateLimitPartition.GetFixedWindowLimiter(
            // Per conversation, since a token is a conversation; the route value is there before the handler runs.
            http.Request.RouteValues["conversationId"]?.ToString() ?? "none",
            _ => new FixedWindowRateLimiterOptions
            {
                PermitLimit = http.RequestServices.GetRequiredService<IOptions<DirectLineOptions>>().Value.MessagesPerMinutePerConversation,
                Window = TimeSpan.FromMinutes(1),
            })));
        return builder;
    }
}
