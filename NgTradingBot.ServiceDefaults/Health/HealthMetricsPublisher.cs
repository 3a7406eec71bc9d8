using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace NgTradingBot.ServiceDefaults.Health;

/// <summary>
/// Publishes every health check's latest result as the gauge <c>ngtradingbot.health.status</c>
/// (1 healthy, 0.5 degraded, 0 unhealthy, tagged by check), so dashboards and alerts see readiness
/// without polling /health.
/// </summary>
internal sealed class HealthMetricsPublisher : IHealthCheckPublisher
{
    public const string MeterName = "NgTradingBot.Health";
    private readonly ConcurrentDictionary<string, double> _latest = new();

    public HealthMetricsPublisher(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(MeterName);
        meter.CreateObservableGauge("ngtradingbot.health.status",
            () => _latest.Select(entry => new Measurement<double>(entry.Value, new KeyValuePair<string, object?>("check", entry.Key))),
            description: "Latest result of each health check: 1 healthy, 0.5 degraded, 0 unhealthy");
    }

    public Task PublishAsync(HealthReport report, CancellationToken cancellationToken)
    {
        foreach (var (name, entry) in report.Entries)
        {
            _latest[name] = entry.Status switch
            {
                HealthStatus.Healthy => 1.0,
                HealthStatus.Degraded => 0.5,
                _ => 0.0,
            };
        }
        return Task.CompletedTask;
    }
}
