namespace NgTradingBot.IntegrationTests.Hosting;

/// <summary>Waits on the orchestrator's view of a resource, always with a timeout: a mistyped name would wait forever.</summary>
public static class ResourceWaits
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromMinutes(1);

    public static async Task WaitHealthyAsync(this DistributedApplication app, string resource, TimeSpan? timeout = null)
    {
        using var cancellation = new CancellationTokenSource(timeout ?? DefaultTimeout);
        await app.ResourceNotifications.WaitForResourceHealthyAsync(resource, cancellation.Token);
    }

    public static async Task<ResourceEvent> WaitForStateAsync(this DistributedApplication app, string resource, Func<CustomResourceSnapshot, bool> condition,
        TimeSpan? timeout = null)
    {
        using var cancellation = new CancellationTokenSource(timeout ?? DefaultTimeout);
        return await app.ResourceNotifications.WaitForResourceAsync(resource, e => condition(e.Snapshot), cancellation.Token);
    }
}
