using Microsoft.Extensions.DependencyInjection;

namespace NgTradingBot.IntegrationTests.Hosting;

/// <summary>
/// Waits on the orchestrator's view of a resource, always with a timeout (a mistyped name would wait forever);
/// a wait that gives up says what the resource logged last.
/// </summary>
public static class ResourceWaits
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromMinutes(1);

    /// <summary>
    /// Gives up as soon as the resource has exited, unless <paramref name="throughRestart"/>: a test that has just
    /// restarted a server sees it (and the databases it carries) Exited for a moment before it runs again.
    /// </summary>
    public static async Task WaitHealthyAsync(this DistributedApplication app, string resource, TimeSpan? timeout = null, bool throughRestart = false)
    {
        using var cancellation = new CancellationTokenSource(timeout ?? DefaultTimeout);
        try
        {
            await app.ResourceNotifications.WaitForResourceHealthyAsync(resource,
                throughRestart ? WaitBehavior.WaitOnResourceUnavailable : WaitBehavior.StopOnResourceUnavailable, cancellation.Token);
        }
        catch (Exception ex) when (ex is OperationCanceledException or DistributedApplicationException)
        {
            throw new TimeoutException($"{ex.Message}\n{app.RecentLogs(resource)}", ex);
        }
    }

    public static async Task<ResourceEvent> WaitForStateAsync(this DistributedApplication app, string resource, Func<CustomResourceSnapshot, bool> condition,
        TimeSpan? timeout = null)
    {
        using var cancellation = new CancellationTokenSource(timeout ?? DefaultTimeout);
        try
        {
            return await app.ResourceNotifications.WaitForResourceAsync(resource, e => condition(e.Snapshot), cancellation.Token);
        }
        catch (OperationCanceledException ex)
        {
            throw new TimeoutException($"{resource} did not reach the state waited for\n{app.RecentLogs(resource)}", ex);
        }
    }

    /// <summary>What the named resources logged last, for a failure message (empty outside an <see cref="AppFixture"/>).</summary>
    public static string RecentLogs(this DistributedApplication app, params string[] resources) =>
        app.Services.GetService<RecentLogs>()?.Dump(resources) ?? "";
}
