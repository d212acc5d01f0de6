using System.Text.Json;
using Conversational.Bots.Conversations;
using Conversational.Handoff.Agents;
using Conversational.Handoff.Queues;
using Conversational.Host.Security;
using Conversational.Host.Supervisor;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Microsoft.AspNetCore.Builder;

/// <summary>
/// The supervisor's basics: queues, waiting times and agent states, read once or pushed live (server-sent events) on
/// every change and every few seconds, so waits keep counting up on screen. Supervisors and admins only.
/// </summary>
public static class SupervisorEndpoints
{
    /// <summary>How often the stream repeats the overview when nothing changed: waiting times grow by themselves.</summary>
    public static readonly TimeSpan RefreshInterval = TimeSpan.FromSeconds(5);

    private static readonly AuthorizationPolicy Supervisors = new AuthorizationPolicyBuilder(SecuritySchemes.StaffCookie, SecuritySchemes.CustomerToken)
        .RequireRole(Roles.Supervisor, Roles.Admin)
        .Build();

    public static WebApplication MapSupervisorEndpoints(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var supervisor = app.MapGroup("/api/supervisor").WithTags("Supervisor").RequireAuthorization(Supervisors);
        supervisor.MapGet("/overview", OverviewAsync).WithSummary("Every queue and every agent now.");
        supervisor.MapGet("/stream", StreamAsync).WithSummary("Server-sent events: 'overview' on every change and every 5 seconds.");
        return app;
    }

    private static async Task<Ok<SupervisorOverview>> OverviewAsync(HandoffQueue queue, AgentRoster roster, TimeProvider time,
        CancellationToken cancellationToken) =>
        TypedResults.Ok(await SupervisorOverview.ReadAsync(queue, roster, time, cancellationToken));

    private static async Task StreamAsync(HttpContext http, HandoffQueue queue, AgentRoster roster, HandoffChangeFeed changes, TimeProvider time,
        CancellationToken cancellationToken)
    {
        var response = http.Response;
        response.ContentType = "text/event-stream; charset=utf-8";
        response.Headers.CacheControl = "no-cache";
        response.Headers["X-Accel-Buffering"] = "no";
        using var refresh = new PeriodicTimer(RefreshInterval, time);
        Task<bool>? tick = null;
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                var changed = changes.NextChange();
                var overview = await SupervisorOverview.ReadAsync(queue, roster, time, cancellationToken);
                await response.WriteAsync($"event: overview\ndata: {JsonSerializer.Serialize(overview, ConversationJson.Options)}\n\n", cancellationToken);
                await response.Body.FlushAsync(cancellationToken);
                tick ??= refresh.WaitForNextTickAsync(cancellationToken).AsTask();
                if (await Task.WhenAny(changed, tick) == tick)
                {
                    tick = null;
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The supervisor closed the page; that is how every stream ends.
        }
    }
}
