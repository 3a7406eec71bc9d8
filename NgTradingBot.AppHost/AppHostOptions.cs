using System.ComponentModel.DataAnnotations;

namespace NgTradingBot.AppHost;

/// <summary>Our settings of the AppHost, bound from the <c>AppHost</c> configuration section and validated at start.</summary>
public sealed class AppHostOptions : IValidatableObject
{
    public const string SectionName = "AppHost";

    /// <summary>Short command-line switches a newcomer types, mapped to their settings.</summary>
    public static readonly Dictionary<string, string> Switches = new()
    {
        ["--simulate-eas"] = $"{SectionName}:{nameof(SimulateEas)}",
        ["--data-dir"] = $"{SectionName}:{nameof(DataDirectory)}",
    };

    /// <summary>PostgreSQL cluster and Redis AOF of the local servers; relative paths are below the repository root.</summary>
    [Required]
    public string DataDirectory { get; set; } = ".data";

    /// <summary>
    /// Where PostgreSQL and Redis come from in run mode: <see cref="InfrastructureMode.Local"/> servers from this
    /// machine's binaries, or the standard <see cref="InfrastructureMode.Containers"/> (needs a container runtime).
    /// Publish mode always describes containers.
    /// </summary>
    public InfrastructureMode Infrastructure { get; set; } = InfrastructureMode.Local;

    /// <summary>The EA connects from another machine, hence all interfaces; everything else binds loopback only.</summary>
    [Required]
    public string GatewayBindAddress { get; set; } = "0.0.0.0";

    /// <summary>A port per resource and endpoint, overriding the fixed defaults (<c>AppHost:Ports:gateway:command=19900</c>).</summary>
    public Dictionary<string, Dictionary<string, int>> Ports { get; set; } = [];

    /// <summary>Free ports chosen at start instead of the fixed defaults (tests and benchmarks running beside a dev instance).</summary>
    public bool DynamicPorts { get; set; }

    /// <summary>Folder holding <c>initdb</c> and <c>postgres</c>; found on PATH or under /usr/lib/postgresql when empty.</summary>
    public string? PostgresBinDirectory { get; set; }

    /// <summary>Path of <c>redis-server</c>; found on PATH when empty.</summary>
    public string? RedisServerPath { get; set; }

    /// <summary>Redis AOF fsync policy: everysec survives any process kill; always also survives power loss, slower.</summary>
    [RegularExpression("^(everysec|always)$", ErrorMessage = "AppHost:RedisAppendFsync must be 'everysec' or 'always' (200 means durable: 'no' is not allowed).")]
    public string RedisAppendFsync { get; set; } = "everysec";

    /// <summary>Simulated EAs run beside the system (<c>--simulate-eas N</c>), logins from 50000000.</summary>
    [Range(0, 2000, ErrorMessage = "--simulate-eas must be between 0 and 2000.")]
    public int SimulateEas { get; set; }

    /// <summary>The longest wait before a crashed service is started again (the wait starts at 0.5 s and doubles).</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:10:00")]
    public TimeSpan RestartBackoffMax { get; set; } = TimeSpan.FromSeconds(30);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!System.Net.IPAddress.TryParse(GatewayBindAddress, out _))
        {
            yield return new ValidationResult($"AppHost:GatewayBindAddress '{GatewayBindAddress}' is not an IP address.");
        }
        foreach (var (resource, endpoints) in Ports)
        {
            foreach (var (endpoint, port) in endpoints.Where(e => e.Value is < 1 or > 65535))
            {
                yield return new ValidationResult($"AppHost:Ports:{resource}:{endpoint} must be between 1 and 65535, not {port}.");
            }
        }
    }
}

public enum InfrastructureMode
{
    Local,
    Containers,
}
