using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OpenTelemetry;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace NgTradingBot.ServiceDefaults.Telemetry;

public static class TelemetryExtensions
{
    /// <summary>Meters and activity sources of our own code all start with this prefix.</summary>
    public const string OwnSourcePrefix = "NgTradingBot.";

    // The framework's built-in meters; OpenTelemetry.Instrumentation.* cannot be restored here, and
    // since .NET 8 ASP.NET Core, Kestrel, HttpClient and the runtime publish these natively.
    private static readonly string[] FrameworkMeters =
    [
        "Microsoft.AspNetCore.Hosting",
        "Microsoft.AspNetCore.Server.Kestrel",
        "Microsoft.AspNetCore.Routing",
        "Microsoft.AspNetCore.Diagnostics",
        "Microsoft.AspNetCore.RateLimiting",
        "System.Net.Http",
        "System.Net.NameResolution",
        "System.Runtime",
    ];

    private static readonly string[] FrameworkActivitySources = ["Microsoft.AspNetCore", "System.Net.Http"];

    /// <summary>
    /// Metrics and traces through the OpenTelemetry SDK directly (OpenTelemetry.Extensions.Hosting is
    /// not available). Nothing is exported unless OTEL_EXPORTER_OTLP_ENDPOINT is set, as in Aspire.
    /// </summary>
    public static TBuilder ConfigureOpenTelemetry<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        var endpoint = builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"];
        if (string.IsNullOrWhiteSpace(endpoint))
        {
            return builder;
        }

        var serviceName = builder.Configuration["OTEL_SERVICE_NAME"] ?? builder.Environment.ApplicationName;
        var protocol = ParseProtocol(builder.Configuration["OTEL_EXPORTER_OTLP_PROTOCOL"]);
        var resource = ResourceBuilder.CreateDefault().AddService(serviceName).AddEnvironmentVariableDetector();

        builder.Services.AddSingleton(_ => Sdk.CreateMeterProviderBuilder()
            .SetResourceBuilder(resource)
            .AddMeter(FrameworkMeters)
            .AddMeter(OwnSourcePrefix + "*")
            .AddOtlpExporter((exporter, reader) =>
            {
                ConfigureExporter(exporter, endpoint, protocol, "v1/metrics");
                reader.PeriodicExportingMetricReaderOptions.ExportIntervalMilliseconds =
                    builder.Configuration.GetValue("OTEL_METRIC_EXPORT_INTERVAL", 10_000);
            })
            .Build());
        builder.Services.AddSingleton(_ => Sdk.CreateTracerProviderBuilder()
            .SetResourceBuilder(resource)
            .AddSource(FrameworkActivitySources)
            .AddSource(OwnSourcePrefix + "*")
            .AddOtlpExporter(exporter => ConfigureExporter(exporter, endpoint, protocol, "v1/traces"))
            .Build());
        builder.Services.AddHostedService<TelemetryProviderActivator>();
        return builder;
    }

    private static void ConfigureExporter(OtlpExporterOptions exporter, string endpoint, OtlpExportProtocol protocol, string signalPath)
    {
        exporter.Protocol = protocol;
        // With http/protobuf the SDK does not append the signal path to a programmatic endpoint.
        exporter.Endpoint = protocol == OtlpExportProtocol.HttpProtobuf
            ? new Uri(endpoint.TrimEnd('/') + "/" + signalPath)
            : new Uri(endpoint);
    }

    private static OtlpExportProtocol ParseProtocol(string? value) => value?.Trim().ToLowerInvariant() switch
    {
        "http/protobuf" => OtlpExportProtocol.HttpProtobuf,
        _ => OtlpExportProtocol.Grpc,
    };
}
