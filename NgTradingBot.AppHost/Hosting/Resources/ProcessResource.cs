using NgTradingBot.AppHost.Hosting.Processes;

namespace NgTradingBot.AppHost.Hosting.Resources;

/// <summary>
/// A resource backed by a child process that the AppHost supervises: a crash is followed by a
/// restart with exponential backoff, and a stop request by the process's preferred signal.
/// </summary>
public abstract class ProcessResource(string name) : Resource(name)
{
    private static readonly TimeSpan StableRunTime = TimeSpan.FromSeconds(60);
    private readonly CancellationTokenSource _stopping = new();
    private ChildProcess? _process;
    private ProcessSpec? _spec;
    private Task _supervision = Task.CompletedTask;
    private Task _monitoring = Task.CompletedTask;
    private TimeSpan _stopGrace = TimeSpan.FromSeconds(10);
    private int? _exitBeforeReady;

    public override int? ProcessId => _process is { HasExited: false } process ? process.Id : null;

    /// <summary>A service that crashes while starting is restarted; a database that does is misconfigured.</summary>
    protected virtual bool RestartWhileStarting => false;

    protected abstract Task<bool> IsHealthyAsync(CancellationToken cancellationToken);

    private protected Task StartProcessAsync(AppHostContext context, ProcessSpec spec, TimeSpan stopGrace, CancellationToken cancellationToken)
    {
        _spec = spec;
        _stopGrace = stopGrace;
        SetState(ResourceState.Starting);
        Launch(context);
        _supervision = SuperviseAsync(context);
        _monitoring = MonitorHealthAsync();
        return Task.CompletedTask;
    }

    /// <summary>Polls <see cref="IsHealthyAsync"/> until it holds; fails at once if the process died while starting.</summary>
    protected async Task WaitUntilHealthyAsync(CancellationToken cancellationToken)
    {
        while (!await IsHealthyAsync(cancellationToken))
        {
            if (_exitBeforeReady is { } code)
            {
                throw new InvalidOperationException($"{Name} exited with code {code} while starting; its output above says why.");
            }
            await Task.Delay(100, cancellationToken);
        }
    }

    protected void ThrowIfPortInUse(int port, string endpoint)
    {
        if (PortAllocator.IsInUse(port))
        {
            throw new PrerequisiteMissingException(
                $"Port {port} ({Name} {endpoint}) is already in use. Stop what holds it, or set AppHost:Ports:{Name}:{endpoint}.");
        }
    }

    internal override async Task StopAsync()
    {
        await _stopping.CancelAsync();
        SetState(ResourceState.Stopping);
        if (_process is { } process)
        {
            await process.StopAsync(_spec!.StopSignal, _stopGrace);
        }
        await _supervision;
        await _monitoring;
        SetState(ResourceState.Stopped);
    }

    private void Launch(AppHostContext context)
    {
        var previous = _process;
        _process = ChildProcess.Start(Name, _spec!);
        context.Ledger.Record(_process.Id, Name);
        previous?.Dispose();
    }

    private async Task SuperviseAsync(AppHostContext context)
    {
        var attempt = 0;
        while (true)
        {
            var process = _process!;
            await process.WaitForExitAsync();
            context.Ledger.Forget(process.Id);
            if (_stopping.IsCancellationRequested || context.Stopping.IsCancellationRequested)
            {
                return;
            }
            if (!Ready.IsCompleted && !RestartWhileStarting)
            {
                _exitBeforeReady = process.ExitCode;
                return;
            }

            attempt = DateTime.UtcNow - process.StartTime > StableRunTime ? 1 : attempt + 1;
            var delay = TimeSpan.FromMilliseconds(Math.Min(500 * Math.Pow(2, attempt - 1), context.Options.RestartBackoffMax.TotalMilliseconds));
            RestartCount++;
            SetState(ResourceState.Restarting, $"exited with code {process.ExitCode}; restart {RestartCount} in {delay.TotalSeconds:0.0} s");
            ConsoleOutput.AppHost($"{Name} exited with code {process.ExitCode}; restarting in {delay.TotalSeconds:0.0} s (restart {RestartCount})");
            try
            {
                await Task.Delay(delay, _stopping.Token);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            Launch(context);
            SetState(ResourceState.Starting, $"restart {RestartCount}");
        }
    }

    // Keeps State truthful after start-up: Running while healthy, Unhealthy otherwise, and marks a
    // restarted process Running again once it answers.
    private async Task MonitorHealthAsync()
    {
        try
        {
            while (!_stopping.IsCancellationRequested)
            {
                await Task.Delay(Ready.IsCompleted ? 1000 : 200, _stopping.Token);
                if (!Ready.IsCompleted || State is ResourceState.Restarting or ResourceState.Stopping || _process is not { HasExited: false })
                {
                    continue;
                }
                var healthy = await IsHealthyAsync(_stopping.Token);
                SetState(healthy ? ResourceState.Running : State == ResourceState.Starting ? ResourceState.Starting : ResourceState.Unhealthy,
                    healthy ? null : "health check failing");
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    protected async Task RunToEndAsync(string file, IReadOnlyList<string> arguments)
    {
        using var process = ChildProcess.Start(Name, new ProcessSpec(file, arguments, Environment.CurrentDirectory, new Dictionary<string, string>()));
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{Path.GetFileName(file)} {string.Join(' ', arguments)} failed with exit code {process.ExitCode}.");
        }
    }
}
