using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using NgTradingBot.ServiceDefaults.Health;
using NgTradingBot.ServiceDefaults.Resilience;
using NgTradingBot.ServiceDefaults.Telemetry;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

// Aspire puts these in Microsoft.Extensions.Hosting so a service's Program.cs needs no using.
namespace Microsoft.Extensions.Hosting;

public static class Extensions
{
    public const string HealthEndpointPath = "/health";
    public const string AlivenessEndpointPath = "/alive";

    /// <summary>Meters and activity sources of our own code all start with this prefix.</summary>
    public const string OwnTelemetryPrefix = "NgTradingBot.";

    /// <summary>Health, telemetry, service discovery and resilient HttpClient defaults.</summary>
    public static TBuilder AddServiceDefaults<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.AddBasicServiceDefaults();
        builder.Services.AddServiceDiscovery();
        builder.Services.ConfigureHttpClientDefaults(http =>
        {
            http.AddStandardResilienceHandler(options =>
            {
                builder.Configuration.GetSection(IdempotentRetries.SectionName).Bind(options);
                IdempotentRetries.Apply(options);
            });
            http.AddServiceDiscovery();
        });
        return builder;
    }

    /// <summary>The subset for background workers: health checks and telemetry.</summary>
    public static TBuilder AddBasicServiceDefaults<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.AddDefaultHealthChecks();
        builder.ConfigureOpenTelemetry();
        return builder;
    }

    /// <summary>How long one OTLP export may take unless <c>OTEL_EXPORTER_OTLP_TIMEOUT</c> says otherwise.</summary>
    public const int DefaultOtlpTimeoutMilliseconds = 2000;

    public static TBuilder ConfigureOpenTelemetry<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        // The SDK's 10 s default, with its retries, holds up every stop for as long when the collector (the
        // dashboard) stops first, as it does when the whole AppHost stops.
        builder.Configuration["OTEL_EXPORTER_OTLP_TIMEOUT"] ??= DefaultOtlpTimeoutMilliseconds.ToString(System.Globalization.CultureInfo.InvariantCulture);

        builder.Logging.AddOpenTelemetry(logging =>
        {
            logging.IncludeFormattedMessage = true;
            logging.IncludeScopes = true;
        });

        var sampling = TraceSampling(builder.Configuration);
        builder.Services.AddOpenTelemetry()
            .WithMetrics(metrics => metrics
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddRuntimeInstrumentation()
                .AddMeter(OwnTelemetryPrefix + "*"))
            .WithTracing(tracing => tracing
                .SetSampler(new RequestFirstSampler(sampling))
                .AddSource(builder.Environment.ApplicationName)
                .AddSource(OwnTelemetryPrefix + "*")
                .AddAspNetCoreInstrumentation(aspNetCore => aspNetCore.Filter = new HighFrequencyRequestFilter(sampling).ShouldTrace)
                .AddHttpClientInstrumentation());

        if (!string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]))
        {
            builder.Services.AddOpenTelemetry().UseOtlpExporter();
        }
        return builder;
    }

    public static TBuilder AddDefaultHealthChecks<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.Services.AddHealthChecks()
            .AddCheck("self", () => HealthCheckResult.Healthy(), ["live"]);
        builder.Services.AddSingleton<IHealthCheckPublisher, HealthMetricsPublisher>();
        builder.Services.Configure<HealthCheckPublisherOptions>(options =>
        {
            options.Delay = TimeSpan.FromSeconds(1);
            options.Period = TimeSpan.FromSeconds(10);
        });
        return builder;
    }

    /// <summary>/health: every check must be healthy (readiness); /alive: only the live checks.</summary>
    public static WebApplication MapDefaultEndpoints(this WebApplication app)
    {
        app.MapHealthChecks(HealthEndpointPath, new HealthCheckOptions
        {
            // Degraded means "still starting" here (for example migrations running): not ready yet.
            ResultStatusCodes =
            {
                [HealthStatus.Healthy] = StatusCodes.Status200OK,
                [HealthStatus.Degraded] = StatusCodes.Status503ServiceUnavailable,
                [HealthStatus.Unhealthy] = StatusCodes.Status503ServiceUnavailable,
            },
            ResponseWriter = HealthReportWriter.WriteAsync,
        }).AllowAnonymous();
        app.MapHealthChecks(AlivenessEndpointPath, new HealthCheckOptions
        {
            Predicate = registration => registration.Tags.Contains("live"),
            ResponseWriter = HealthReportWriter.WriteAsync,
        }).AllowAnonymous();
        return app;
    }

    private static TraceSamplingOptions TraceSampling(IConfiguration configuration)
    {
        var options = configuration.GetSection(TraceSamplingOptions.SectionName).Get<TraceSamplingOptions>() ?? new TraceSamplingOptions();
        Validator.ValidateObject(options, new ValidationContext(options), validateAllProperties: true);
        return options;
    }
}
