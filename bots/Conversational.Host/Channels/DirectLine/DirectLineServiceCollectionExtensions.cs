using System.Threading.RateLimiting;
using Conversational.Host.Channels.DirectLine;
using Microsoft.AspNetCore.Cors.Infrastructure;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

public static class DirectLineServiceCollectionExtensions
{
    public const string MessageRateLimit = "directline-messages";
    public const string CorsPolicy = "directline";

    /// <summary>The Direct Line 3.0 channel: options (validated at start), tokens, typing signals and the stream.</summary>
    public static WebApplicationBuilder AddDirectLineChannel(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOptions<DirectLineOptions>()
            .BindConfiguration(DirectLineOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<DirectLineTokens>();
        builder.Services.AddSingleton<TypingSignals>();
        builder.Services.AddSingleton<DirectLineStream>();
        builder.Services.AddCors();
        builder.Services.AddOptions<CorsOptions>().Configure<IOptions<DirectLineOptions>>((cors, directLine) =>
            cors.AddPolicy(CorsPolicy, policy =>
            {
                var origins = directLine.Value.AllowedOrigins;
                if (origins.Contains("*"))
                {
                    policy.AllowAnyOrigin();
                }
                else
                {
                    policy.WithOrigins(origins);
                }

                // What Web Chat and DirectLineJS send: a bearer token, JSON, and their agent header.
                policy.WithHeaders("Authorization", "Content-Type", "x-ms-bot-agent").WithMethods("GET", "POST");
            }));
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
