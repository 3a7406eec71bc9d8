using System.Diagnostics.Metrics;

namespace NgTradingBot.Core.Commands;

/// <summary>Command counters on the <c>NgTradingBot.Core</c> meter: how many are created and how they end.</summary>
public sealed class CommandMetrics
{
    public const string MeterName = "NgTradingBot.Core";

    private readonly Counter<long> _created;
    private readonly Counter<long> _transitions;

    public CommandMetrics(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(MeterName);
        _created = meter.CreateCounter<long>("ngtradingbot.commands.created", description: "Commands accepted by the command API");
        _transitions = meter.CreateCounter<long>("ngtradingbot.commands.transitions", description: "Command status changes, by the status reached");
    }

    public void Created(string type) => _created.Add(1, new KeyValuePair<string, object?>("type", type));

    public void Transitioned(string toStatus, long count = 1)
    {
        if (count > 0)
        {
            _transitions.Add(count, new KeyValuePair<string, object?>("status", toStatus));
        }
    }
}
