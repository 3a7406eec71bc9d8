namespace NgTradingBot.AppHost.Hosting.Resources;

public enum ResourceState { NotStarted, Waiting, Starting, Running, Unhealthy, Restarting, Stopping, Stopped, FailedToStart }

/// <summary>A resource whose clients need a connection string (<c>ConnectionStrings__{name}</c>).</summary>
public interface IResourceWithConnectionString
{
    string Name { get; }

    /// <summary>Valid once the resource is ready.</summary>
    string ConnectionString { get; }
}

/// <summary>
/// Something the AppHost runs or connects to. It starts once everything it waits for is ready, and
/// is itself ready when it answers (a database accepts connections, a service's /health says 200).
/// </summary>
public abstract class Resource(string name)
{
    private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly List<Resource> _waitsFor = [];

    public string Name { get; } = name;

    public ResourceState State { get; private set; } = ResourceState.NotStarted;

    public string? StateDetail { get; private set; }

    public IReadOnlyList<Resource> WaitsFor => _waitsFor;

    /// <summary>Completes when the resource first becomes ready; faults if it cannot start.</summary>
    public Task Ready => _ready.Task;

    public virtual int? ProcessId => null;

    /// <summary>How many times the AppHost restarted it after an unexpected exit.</summary>
    public int RestartCount { get; protected set; }

    public abstract IEnumerable<string> DescribeEndpoints();

    internal void AddWait(Resource dependency) => _waitsFor.Add(dependency);

    internal abstract Task StartAsync(AppHostContext context, CancellationToken cancellationToken);

    internal abstract Task StopAsync();

    protected void SetState(ResourceState state, string? detail = null)
    {
        State = state;
        StateDetail = detail;
    }

    protected void MarkReady() => _ready.TrySetResult();

    internal void MarkFailed(Exception error)
    {
        SetState(ResourceState.FailedToStart, error.Message);
        _ready.TrySetException(error);
    }
}
