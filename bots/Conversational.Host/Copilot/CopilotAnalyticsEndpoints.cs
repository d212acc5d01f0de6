using System.Globalization;
using Conversational.Handoff.Copilot;
using Conversational.Host.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Microsoft.AspNetCore.Builder;

/// <summary>
/// Opening rate (启齿率) and conversion of the service-sales offers, per agent, offer and script, over a period: how
/// often an eligible offer was actually pitched, and how often a pitch was accepted. Supervisors and admins only.
/// </summary>
public static class CopilotAnalyticsEndpoints
{
    /// <summary>The period when none is given: the last 30 days.</summary>
    public static readonly TimeSpan DefaultPeriod = TimeSpan.FromDays(30);

    /// <summary>The longest period one call may ask for.</summary>
    public static readonly TimeSpan MaxPeriod = TimeSpan.FromDays(366);

    private static readonly AuthorizationPolicy Supervisors = new AuthorizationPolicyBuilder(SecuritySchemes.StaffCookie)
        .RequireRole(Roles.Supervisor, Roles.Admin)
        .Build();

    public static WebApplication MapCopilotAnalyticsEndpoints(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapGet("/api/copilot/analytics", StatsAsync).WithTags("Copilot").RequireAuthorization(Supervisors)
            .WithSummary("Opening rate and conversion by agent, offer and script from–to (ISO 8601; default the last 30 days).");
        return app;
    }

    private static async Task<Results<Ok<OpeningStats>, ProblemHttpResult>> StatsAsync(string? from, string? to, OfferLog log, TimeProvider time,
        CancellationToken cancellationToken)
    {
        if (!TryParse(to, out var until) || !TryParse(from, out var since))
        {
            return BadRequest("from and to must be ISO 8601 dates or instants, e.g. 2026-11-01 or 2026-11-01T00:00:00+08:00.");
        }

        var end = until ?? time.GetUtcNow();
        var start = since ?? end - DefaultPeriod;
        if (start >= end)
        {
            return BadRequest("from must be before to.");
        }

        if (end - start > MaxPeriod)
        {
            return BadRequest($"The period may be at most {MaxPeriod.TotalDays:0} days.");
        }

        return TypedResults.Ok(await log.StatsAsync(start, end, cancellationToken));
    }

    // A date without an offset is UTC, so the same query means the same period on every host.
    private static bool TryParse(string? text, out DateTimeOffset? value)
    {
        value = null;
        if (string.IsNullOrEmpty(text))
        {
            return true;
        }

        if (!DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed))
        {
            return false;
        }

        value = parsed;
        return true;
    }

    private static ProblemHttpResult BadRequest(string detail) => TypedResults.Problem(detail, statusCode: StatusCodes.Status400BadRequest);
}
