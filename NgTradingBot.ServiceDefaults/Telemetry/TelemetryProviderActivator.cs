using Microsoft.Extensions.Hosting;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace NgTradingBot.ServiceDefaults.Telemetry;

/// <summary>
/// The providers start listening when they are built; resolving them at start-up builds them, and the
/// container disposes them (flushing the exporters) at shutdown.
/// </summary>
internal sealed class TelemetryProviderActivator(MeterProvider meters, TracerProvider traces) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken)
    {
        meters.ForceFlush(2000);
        traces.ForceFlush(2000);
        return Task.CompletedTask;
    }
}
