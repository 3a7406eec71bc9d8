namespace NgTradingBot.IntegrationTests.Hosting;

/// <summary>Waits on the orchestrator's view of a resource, always with a timeout: a mistyped name would wait forever.</summary>
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
        await app.ResourceNotifications.WaitForResourceHealthyAsync(resource,
            throughRestart ? WaitBehavior.WaitOnResourceUnavailable : WaitBehavior.StopOnResourceUnavailable, cancellation.Token);
    }

    public static async Task<ResourceEvent> WaitForStateAsync(this DistributedApplication app, string resource, Func<CustomResourceSnapshot, bool> condition,
        TimeSpan? timeout = null)
    {
        using var cancellation = new CancellationTokenSource(timeout ?? DefaultTimeout);
        return await app.ResourceNotifications.WaitForResourceAsync(resource, e => condition(e.Snapshot), cancellation.Token);
    }
}
