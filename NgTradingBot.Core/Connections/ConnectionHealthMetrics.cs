using System.Diagnostics.Metrics;
using NgTradingBot.Core.Commands;

namespace NgTradingBot.Core.Connections;

/// <summary>
/// Connection health on the <c>NgTradingBot.Core</c> meter: each account's score, and how many accounts are in each
/// state and healthy, as of this instance's latest assessment (every instance assesses the same stored data).
/// </summary>
public sealed class ConnectionHealthMetrics
{
    private volatile IReadOnlyList<(long Login, HealthVerdict Verdict)> _latest = [];

    public ConnectionHealthMetrics(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(CommandMetrics.MeterName);
        meter.CreateObservableGauge("ngtradingbot.connection.health_score", () => _latest.Select(v =>
            new Measurement<double>((double)v.Verdict.Score, new KeyValuePair<string, object?>("login", v.Login))),
            unit: "{score}", description: "Each account's connection health score, 0-100");
        meter.CreateObservableGauge("ngtradingbot.connections", () => ConnectionStates.All.Select(state =>
            new Measurement<long>(_latest.Count(v => v.Verdict.State == state), new KeyValuePair<string, object?>("state", state))),
            unit: "{connection}", description: "Accounts by connection state");
        meter.CreateObservableGauge("ngtradingbot.connections.healthy", () => _latest.Count(v => v.Verdict.IsHealthy),
            unit: "{connection}", description: "Accounts that are healthy as the seed defines it");
    }

    public void Observed(IReadOnlyList<(long Login, HealthVerdict Verdict)> verdicts) => _latest = verdicts;
}
