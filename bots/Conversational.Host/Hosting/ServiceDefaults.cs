using Conversational.Bots.Conversations;
using Conversational.Bots.Hosting;
using Conversational.Bots.Telemetry;
using Conversational.Host.Hosting;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>What every host has: settings, errors as ProblemDetails, health, OpenAPI and telemetry.</summary>
public static class ServiceDefaults
{
    public static WebApplicationBuilder AddServiceDefaults(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Configuration.AddAppSettingsFile();
        builder.Services.AddProblemDetails();
        builder.Services.ConfigureHttpJsonOptions(json =>
        {
            // The API speaks the same JSON as the store: camelCase, nulls omitted, Chinese unescaped.
            var shared = ConversationJson.Options;
            json.SerializerOptions.DefaultIgnoreCondition = shared.DefaultIgnoreCondition;
            json.SerializerOptions.Encoder = shared.Encoder;
            foreach (var converter in shared.Converters)
            {
                json.SerializerOptions.Converters.Add(converter);
            }
        });
        builder.Services.AddOpenApi();
        builder.Services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database", tags: [DatabaseHealthCheck.ReadyTag]);

        var telemetry = builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService("conversational"))
            .WithTracing(tracing => tracing.AddSource(BotTelemetry.Name).AddAspNetCoreInstrumentation())
            .WithMetrics(metrics => metrics.AddMeter(BotTelemetry.Name).AddAspNetCoreInstrumentation());

        // Export only where a collector is configured; offline by default.
        var endpoint = builder.Configuration["OpenTelemetry:OtlpEndpoint"] ?? builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"];
        if (!string.IsNullOrWhiteSpace(endpoint))
        {
            telemetry.UseOtlpExporter(OpenTelemetry.Exporter.OtlpExportProtocol.Grpc, new Uri(endpoint));
        }

        return builder;
    }

    public static WebApplication UseServiceDefaults(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.Lifetime.ApplicationStarted.Register(() => StartupBanner.Log(app));
        return app;
    }

    public static WebApplication MapServiceEndpoints(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false }).AllowAnonymous();
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains(DatabaseHealthCheck.ReadyTag) })
            .AllowAnonymous();
        app.MapOpenApi().AllowAnonymous();
        return app;
    }
}
