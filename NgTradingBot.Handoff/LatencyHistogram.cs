namespace NgTradingBot.Handoff;

/// <summary>
/// Answer times counted into fixed buckets (upper bounds in milliseconds), so counts from several gateways and
/// several minutes simply add up, and percentiles come from the sum. Not thread-safe: the recorder locks around it.
/// </summary>
public sealed class LatencyHistogram
{
    /// <summary>Upper bounds of the buckets; a last, open bucket holds everything slower.</summary>
    public static readonly double[] BoundsMs = [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000];

    public static int BucketCount => BoundsMs.Length + 1;

    public LatencyHistogram(long[]? counts = null)
    {
        Counts = counts ?? new long[BucketCount];
        if (Counts.Length != BucketCount)
        {
            throw new ArgumentException($"A latency histogram has {BucketCount} buckets.", nameof(counts));
        }
    }

    public long[] Counts { get; }

    public long Total => Counts.Sum();

    /// <summary>Once per EA request: a plain loop, no closure to allocate.</summary>
    public void Add(TimeSpan took)
    {
        var ms = took.TotalMilliseconds;
        var index = 0;
        while (index < BoundsMs.Length && ms > BoundsMs[index])
        {
            index++;
        }

        Counts[index]++;
    }

    public void Add(LatencyHistogram other)
    {
        for (var i = 0; i < Counts.Length; i++)
        {
            Counts[i] += other.Counts[i];
        }
    }

    public void Clear() => Array.Clear(Counts);

    /// <summary>
    /// The <paramref name="quantile"/> (0..1) estimated by linear interpolation inside its bucket, as Prometheus does;
    /// in the open last bucket the estimate is its lower bound. Null when nothing was counted.
    /// </summary>
    public double? Percentile(double quantile)
    {
        var total = Total;
        if (total == 0)
        {
            return null;
        }

        var rank = quantile * total;
        long below = 0;
        for (var i = 0; i < Counts.Length; i++)
        {
            if (Counts[i] > 0 && below + Counts[i] >= rank)
            {
                var lower = i == 0 ? 0 : BoundsMs[i - 1];
                if (i == BoundsMs.Length)
                {
                    return lower;
                }

                return lower + (BoundsMs[i] - lower) * Math.Clamp((rank - below) / Counts[i], 0, 1);
            }

            below += Counts[i];
        }

        return BoundsMs[^1];
    }
}
