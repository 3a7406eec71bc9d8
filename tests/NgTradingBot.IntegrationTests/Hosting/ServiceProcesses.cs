namespace NgTradingBot.IntegrationTests.Hosting;

/// <summary>
/// The operating-system processes behind the model's resources. A project runs as <c>dotnet run</c> with the
/// service as its child; killing the child is what a crash of the service looks like.
/// </summary>
public static class ServiceProcesses
{
    /// <summary>The process the orchestrator started for a resource (for a project, the <c>dotnet run</c> host).</summary>
    public static int? LauncherPid(this DistributedApplication app, string resource) =>
        app.ResourceNotifications.TryGetCurrentState(resource, out var state)
        && state.Snapshot.Properties.FirstOrDefault(p => p.Name == "executable.pid")?.Value is { } pid
            ? Convert.ToInt32(pid)
            : null;

    /// <summary>The service's own process: the launcher's descendant running the project's assembly.</summary>
    public static int? ServicePid(this DistributedApplication app, string resource, string assemblyName) =>
        app.LauncherPid(resource) is { } launcher
            ? ProcessTable.Read().Descendants(launcher)
                .FirstOrDefault(p => p.CommandLine.Contains(assemblyName, StringComparison.Ordinal) && !p.CommandLine.Contains(" run ", StringComparison.Ordinal))
                ?.Pid
            : null;
}
