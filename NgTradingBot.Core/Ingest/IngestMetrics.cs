using System.Diagnostics.Metrics;
using NgTradingBot.Core.Commands;

namespace NgTradingBot.Core.Ingest;

/// <summary>
/// Ingest telemetry on the <c>NgTradingBot.Core</c> meter: messages stored and dead-lettered per kind,
/// ticks kept versus dropped as unchanged, batch duration, and the backlog still in the stream.
/// </summary>
public sealed class IngestMetrics
{
    private readonly Counter<long> _stored;
    private readonly Counter<long> _failed;
    private readonly Counter<long> _ticks;
    private readonly Histogram<double> _batchDuration;
    private readonly Counter<long> _isolatedBatches;
    private long _lag;
    private long _storedTotal;
    private long _failedTotal;
    private long _isolatedTotal;

    public IngestMetrics(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(CommandMetrics.MeterName);
        _stored = meter.CreateCounter<long>("ngtradingbot.ingest.messages", description: "Ingest messages stored, by kind");
        _failed = meter.CreateCounter<long>("ngtradingbot.ingest.failures", description: "Ingest messages that could not be stored (dead letters), by kind");
        _ticks = meter.CreateCounter<long>("ngtradingbot.ingest.ticks", description: "Ticks received, by outcome (stored or unchanged)");
        _batchDuration = meter.CreateHistogram<double>("ngtradingbot.ingest.batch.duration", unit: "s", description: "Time to store one batch, commit included");
        _isolatedBatches = meter.CreateCounter<long>("ngtradingbot.ingest.isolated_batches",
            description: "Batches that failed as a whole and were stored again message by message (slow path)");
        meter.CreateObservableGauge("ngtradingbot.ingest.lag", () => Interlocked.Read(ref _lag), unit: "{entry}",
            description: "Entries waiting in the ingest stream (sampled)");
    }

    public long Lag => Interlocked.Read(ref _lag);

    /// <summary>Totals since start, for the status API.</summary>
    public (long Stored, long Failed, long IsolatedBatches) Totals =>
        (Interlocked.Read(ref _storedTotal), Interlocked.Read(ref _failedTotal), Interlocked.Read(ref _isolatedTotal));

    public void Stored(string kind)
    {
        Interlocked.Increment(ref _storedTotal);
        _stored.Add(1, new KeyValuePair<string, object?>("kind", kind));
    }

    public void Failed(string kind)
    {
        Interlocked.Increment(ref _failedTotal);
        _failed.Add(1, new KeyValuePair<string, object?>("kind", kind));
    }

    public void BatchIsolated()
    {
        Interlocked.Increment(ref _isolatedTotal);
        _isolatedBatches.Add(1);
    }

    public void Ticks(long stored, long unchanged)
    {
        _ticks.Add(stored, new KeyValuePair<string, object?>("outcome", "stored"));
        _ticks.Add(unchanged, new KeyValuePair<string, object?>("outcome", "unchanged"));
    }

    public void BatchDuration(TimeSpan duration) => _batchDuration.Record(duration.TotalSeconds);

    public void SampledLag(long entries) => Interlocked.Exchange(ref _lag, entries);
}
