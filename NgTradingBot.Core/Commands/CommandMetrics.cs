using System.Diagnostics.Metrics;

namespace NgTradingBot.Core.Commands;

/// <summary>Command counters on the <c>NgTradingBot.Core</c> meter: how many are created and how they end.</summary>
public sealed class CommandMetrics
{
    public const string MeterName = "NgTradingBot.Core";

    private readonly Counter<long> _created;
    private readonly Counter<long> _transitions;
    private readonly Histogram<double> _stages;

    public CommandMetrics(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(MeterName);
        _created = meter.CreateCounter<long>("ngtradingbot.commands.created", description: "Commands accepted by the command API");
        _transitions = meter.CreateCounter<long>("ngtradingbot.commands.transitions", description: "Command status changes, by the status reached");
        _stages = meter.CreateHistogram<double>("ngtradingbot.commands.stage.duration", unit: "s",
            description: "Time in each stage of a command's path: delivered (from creation), answered (from delivery), stored (from the answer), end_to_end",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.001, 0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30] });
    }

    public void Created(string type) => _created.Add(1, new KeyValuePair<string, object?>("type", type));

    /// <summary>Records the stages a command's latency view has both ends of.</summary>
    public void Stages(CommandLatency latency)
    {
        Stage("delivered", latency.DeliveredMs);
        Stage("answered", latency.AnsweredMs);
        Stage("stored", latency.StoredMs);
        Stage("end_to_end", latency.EndToEndMs);
    }

    private void Stage(string stage, double? milliseconds)
    {
        if (milliseconds is { } ms)
        {
            _stages.Record(ms / 1000, new KeyValuePair<string, object?>("stage", stage));
        }
    }

    public void Transitioned(string toStatus, long count = 1)
    {
        if (count > 0)
        {
            _transitions.Add(count, new KeyValuePair<string, object?>("status", toStatus));
        }
    }
}
