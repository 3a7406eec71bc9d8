using System.Diagnostics.Metrics;

namespace NgTradingBot.EaGateway.Telemetry;

/// <summary>The gateway's own meter: what the EAs send, what is refused and why, and what the hand-off costs.</summary>
public sealed class GatewayMetrics
{
    public const string MeterName = "NgTradingBot.EaGateway";
    private readonly Counter<long> _rejected;
    private readonly Counter<long> _handedOff;
    private readonly Histogram<double> _handoffDuration;
    private readonly Counter<long> _commandsDelivered;
    private readonly Counter<long> _pollsAnsweredFromMemory;
    private readonly Counter<long> _symbolListsRecovered;

    public GatewayMetrics(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(MeterName);
        _rejected = meter.CreateCounter<long>("ngtradingbot.gateway.rejected", description: "EA requests refused, by route and status code");
        _handedOff = meter.CreateCounter<long>("ngtradingbot.gateway.handed_off", description: "EA requests made durable in the ingest stream, by kind");
        _handoffDuration = meter.CreateHistogram<double>("ngtradingbot.gateway.handoff.duration", unit: "ms", description: "Time to make one request durable in Redis");
        _commandsDelivered = meter.CreateCounter<long>("ngtradingbot.gateway.commands_delivered", description: "Commands handed to EAs");
        _pollsAnsweredFromMemory = meter.CreateCounter<long>("ngtradingbot.gateway.polls_from_memory", description: "Command polls answered empty without asking Redis");
        _symbolListsRecovered = meter.CreateCounter<long>("ngtradingbot.gateway.symbol_lists_recovered", description: "Subscription lists sent in heartbeat answers to EAs that streamed nothing");
    }

    public void Rejected(string route, int statusCode) =>
        _rejected.Add(1, new KeyValuePair<string, object?>("route", route), new KeyValuePair<string, object?>("status", statusCode));

    public void HandedOff(string kind, TimeSpan duration)
    {
        var tag = new KeyValuePair<string, object?>("kind", kind);
        _handedOff.Add(1, tag);
        _handoffDuration.Record(duration.TotalMilliseconds, tag);
    }

    public void CommandsDelivered(int count, string via) => _commandsDelivered.Add(count, new KeyValuePair<string, object?>("via", via));

    public void PollAnsweredFromMemory() => _pollsAnsweredFromMemory.Add(1);

    public void SymbolListRecovered() => _symbolListsRecovered.Add(1);
}
