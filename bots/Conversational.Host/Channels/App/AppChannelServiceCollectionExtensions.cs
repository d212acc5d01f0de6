using System.Security.Claims;
using System.Threading.RateLimiting;
using Conversational.Host.Channels.App;
using Microsoft.Extensions.FileProviders;

namespace Microsoft.Extensions.DependencyInjection;

public static class AppChannelServiceCollectionExtensions
{
    public const string MessageRateLimit = "app-messages";
    public const string VisitorRateLimit = "app-visitors";

    public static WebApplicationBuilder AddAppChannel(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOptions<AppChannelOptions>()
            .BindConfiguration(AppChannelOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();

        builder.Services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.AddPolicy(MessageRateLimit, http => RateLimitPartition.GetFixedWindowLimiter(
                http.User.FindFirstValue(ClaimTypes.NameIdentifier) ?? "anonymous",
                _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = http.RequestServices.GetRequiredService<Options.IOptions<AppChannelOptions>>().Value.MessagesPerMinutePerCustomer,
                    Window = TimeSpan.FromMinutes(1),
                }));
            // Creating visitors costs a row each; bound it per client address.
            limiter.AddPolicy(VisitorRateLimit, http => RateLimitPartition.GetFixedWindowLimiter(
                http.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = http.RequestServices.GetRequiredService<Options.IOptions<AppChannelOptions>>().Value.VisitorsPerMinutePerAddress,
                    Window = TimeSpan.FromMinutes(1),
                }));
        });
        return builder;
    }

    /// <summary>
    /// The web chat widget at <c>/</c>: the static files copied beside the binaries, with <c>index.html</c> as the
    /// default page. Not the content root's <c>wwwroot</c>, since <c>dotnet run</c> starts in the repository root.
    /// </summary>
    public static WebApplication UseWebChatWidget(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var files = new PhysicalFileProvider(Path.Combine(AppContext.BaseDirectory, "wwwroot"));
        app.UseDefaultFiles(new DefaultFilesOptions { FileProvider = files });
        app.UseStaticFiles(new StaticFileOptions { FileProvider = files });
        return app;
    }
}
