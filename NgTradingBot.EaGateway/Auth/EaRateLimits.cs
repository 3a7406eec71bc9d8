using System.Net;
using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace NgTradingBot.EaGateway.Auth;

/// <summary>
/// Token buckets per source address and per account, so one EA stuck in a loop (or one VPS gone wild)
/// is slowed down without touching the others. Rejections answer 429, which the EA treats like any
/// failure: ticks stay buffered and are sent again.
/// </summary>
public sealed class EaRateLimits : IDisposable
{
    private readonly PartitionedRateLimiter<IPAddress> _perAddress;
    private readonly PartitionedRateLimiter<long> _perAccount;
    private readonly PartitionedRateLimiter<long> _connects;

    public EaRateLimits(IOptions<EaGatewayOptions> options)
    {
        var limits = options.Value.RateLimits;
        // The bucket factories are made once: the partitioner runs on every request, and a lambda written inline
        // in it would be a new delegate each time.
        Func<IPAddress, TokenBucketRateLimiterOptions> addressBucket = _ => Bucket(limits.PerAddressPerSecond, limits.PerAddressBurst);
        Func<long, TokenBucketRateLimiterOptions> accountBucket = _ => Bucket(limits.PerAccountPerSecond, limits.PerAccountBurst);
        _perAddress = PartitionedRateLimiter.Create<IPAddress, IPAddress>(address => RateLimitPartition.GetTokenBucketLimiter(address, addressBucket));
        _perAccount = PartitionedRateLimiter.Create<long, long>(login => RateLimitPartition.GetTokenBucketLimiter(login, accountBucket));
        // Every connect issues a new key (only hashes are stored), so a flood of connects for one login
        // would keep invalidating the real EA's key. The EA itself reconnects at most every 2 s.
        _connects = PartitionedRateLimiter.Create<long, long>(login =>
            RateLimitPartition.GetTokenBucketLimiter(login, _ => new TokenBucketRateLimiterOptions
            {
                TokenLimit = limits.ConnectBurstPerLogin,
                TokensPerPeriod = 1,
                ReplenishmentPeriod = limits.ConnectIntervalPerLogin,
                QueueLimit = 0,
                AutoReplenishment = true,
            }));
    }

    public bool AllowConnect(long login)
    {
        using var lease = _connects.AttemptAcquire(login);
        return lease.IsAcquired;
    }

    public bool AllowAddress(IPAddress? address)
    {
        using var lease = _perAddress.AttemptAcquire(address ?? IPAddress.None);
        return lease.IsAcquired;
    }

    public bool AllowAccount(long login)
    {
        using var lease = _perAccount.AttemptAcquire(login);
        return lease.IsAcquired;
    }

    public void Dispose()
    {
        _perAddress.Dispose();
        _perAccount.Dispose();
        _connects.Dispose();
    }

    private static TokenBucketRateLimiterOptions Bucket(int perSecond, int burst) => new()
    {
        TokenLimit = burst,
        TokensPerPeriod = perSecond,
        ReplenishmentPeriod = TimeSpan.FromSeconds(1),
        QueueLimit = 0,
        AutoReplenishment = true,
    };
}
