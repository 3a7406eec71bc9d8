namespace NgTradingBot.AppHost.Hosting;

public sealed class DistributedApplicationOptions
{
    public string[] Args { get; init; } = [];

    /// <summary>Every endpoint on a free port instead of its configured one (tests run beside a dev AppHost).</summary>
    public bool UseDynamicPorts { get; init; }

    /// <summary>Replaces AppHost:DataDirectory (tests use a throwaway folder).</summary>
    public string? DataDirectory { get; init; }

    /// <summary>Configuration applied last, over appsettings, environment and arguments.</summary>
    public IDictionary<string, string?> Overrides { get; init; } = new Dictionary<string, string?>();
}
