using System.Diagnostics;

namespace NgTradingBot.Bench;

/// <summary>CPU seconds so far of each service of the composition (its whole process tree) and of this process (the load).</summary>
public sealed class ServiceCpu(DistributedApplication app, params string[] services)
{
    public const string Load = "simulator";

    public Dictionary<string, double> Read()
    {
        var cpu = services.ToDictionary(name => name, name => ProcessCpu.TreeSeconds(LauncherPid(name)));
        cpu[Load] = Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds;
        return cpu;
    }

    /// <summary>Per process, what was used between two readings, divided by <paramref name="per"/> (seconds for % of a core, a count for a cost each).</summary>
    public static Dictionary<string, double> Between(Dictionary<string, double> before, Dictionary<string, double> after, double per, double scale = 1) =>
        after.ToDictionary(kv => kv.Key, kv => scale * (kv.Value - before[kv.Key]) / per);

    // The process the orchestrator started; its tree holds the service (under dotnet run) or the server's processes.
    private int LauncherPid(string resource) =>
        app.ResourceNotifications.TryGetCurrentState(resource, out var state)
        && state.Snapshot.Properties.FirstOrDefault(p => p.Name == "executable.pid")?.Value is { } pid
            ? Convert.ToInt32(pid)
            : throw new InvalidOperationException($"{resource} has no process.");
}
