using System.ComponentModel.DataAnnotations;
using System.Net;

namespace NgTradingBot.EaGateway;

/// <summary>Bound from <c>EaGateway</c>. The deployed EA hard-codes 9901-9903, so change those only behind port forwarding.</summary>
public sealed class EaGatewayOptions : IValidatableObject
{
    public const string SectionName = "EaGateway";

    /// <summary>The gateway's key for Core's internal EA routes (<c>Access:ServiceKey</c> on Core); the AppHost generates it.</summary>
    [Required(ErrorMessage = "EaGateway:ServiceKey is required (the AppHost generates one; a deployment sets it as a secret).")]
    [MinLength(24, ErrorMessage = "EaGateway:ServiceKey must be at least 24 characters.")]
    public string ServiceKey { get; set; } = "";

    /// <summary>The EA connects from a Windows VPS, so the default is every interface.</summary>
    [Required]
    public string BindAddress { get; set; } = "0.0.0.0";

    [Required]
    public GatewayPorts Ports { get; set; } = new();

    /// <summary>Tick bodies after an outage can be tens of MB (the EA flushes its whole buffer at once).</summary>
    [Range(1_000_000, 2_000_000_000)]
    public long MaxTickBodyBytes { get; set; } = 512L * 1024 * 1024;

    /// <summary>One REQUEST_HISTORICAL_DATA chunk is 10 000 bars, about 1.2 MB.</summary>
    [Range(100_000, 500_000_000)]
    public long MaxHistoryBodyBytes { get; set; } = 32L * 1024 * 1024;

    /// <summary>Every other route; connect carries the broker's whole symbol list (thousands of names).</summary>
    [Range(10_000, 100_000_000)]
    public long MaxBodyBytes { get; set; } = 4L * 1024 * 1024;

    /// <summary>Each OPEN_TRADE blocks the EA at least 300 ms, so keep a poll's batch small.</summary>
    [Range(1, 50)]
    public int CommandsPerPoll { get; set; } = 5;

    /// <summary>How long an empty queue is trusted without asking Redis, should a ready notification be lost.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:01:00")]
    public TimeSpan EmptyQueueRecheck { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How long a credential read from Redis is reused; a failed match always re-reads it.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:10:00")]
    public TimeSpan CredentialCacheTime { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How often each account's request counts go to Redis for Core's connection health.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:00:30")]
    public TimeSpan TrafficReportInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Accounts per Redis call of a traffic report. Redis runs each call's script alone, every tick post and command
    /// poll of every gateway waiting behind it: one call for 200 accounts held Redis for 3.3 ms, 25 for 0.6 ms.
    /// </summary>
    [Range(1, 1000)]
    public int TrafficReportAccountsPerCall { get; set; } = 25;

    /// <summary>
    /// At most one write of the quote board (the last quotes, for orders' price guards) per interval; the first
    /// quotes after a quiet interval go at once. A guard sees a quote at most this much later than it was posted.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:00:05")]
    public TimeSpan QuoteBoardInterval { get; set; } = TimeSpan.FromMilliseconds(50);

    /// <summary>Quotes per Redis command of a quote board write: Redis runs each command alone, every other client waiting.</summary>
    [Range(1, 100_000)]
    public int QuoteBoardQuotesPerCall { get; set; } = 500;

    /// <summary>How long the gateway's start waits for Core to answer its warm-up call (see <c>CoreWarmUp</c>).</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:01:00")]
    public TimeSpan CoreWarmUpTimeout { get; set; } = TimeSpan.FromSeconds(5);

    [Required]
    public RateLimitOptions RateLimits { get; set; } = new();

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!IPAddress.TryParse(BindAddress, out _))
        {
            yield return new ValidationResult($"EaGateway:BindAddress '{BindAddress}' is not an IP address.");
        }
        int[] ports = [Ports.Command, Ports.Ticks, Ports.Trades, Ports.Logs];
        if (ports.Any(p => p is < 1 or > 65535))
        {
            yield return new ValidationResult("EaGateway:Ports must be between 1 and 65535.");
        }
        if (ports.Distinct().Count() != ports.Length)
        {
            yield return new ValidationResult("EaGateway:Ports must be four different ports.");
        }
    }
}

/// <summary>Token buckets: one broken EA must not starve the others.</summary>
public sealed class RateLimitOptions
{
    /// <summary>An EA at full speed sends about 40 requests a second (ticks and polls every 50 ms) plus trade events.</summary>
    [Range(1, 100_000)]
    public int PerAccountPerSecond { get; set; } = 100;

    [Range(1, 1_000_000)]
    public int PerAccountBurst { get; set; } = 300;

    /// <summary>One VPS may run dozens of terminals behind one address.</summary>
    [Range(1, 1_000_000)]
    public int PerAddressPerSecond { get; set; } = 4000;

    [Range(1, 10_000_000)]
    public int PerAddressBurst { get; set; } = 8000;

    [Range(1, 1000)]
    public int ConnectBurstPerLogin { get; set; } = 5;

    [Range(typeof(TimeSpan), "00:00:00.001", "01:00:00")]
    public TimeSpan ConnectIntervalPerLogin { get; set; } = TimeSpan.FromSeconds(2);
}

public sealed class GatewayPorts
{
    public int Command { get; set; } = 9900;

    public int Ticks { get; set; } = 9901;

    public int Trades { get; set; } = 9902;

    public int Logs { get; set; } = 9903;
}
