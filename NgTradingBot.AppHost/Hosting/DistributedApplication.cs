using System.Runtime.InteropServices;
using Microsoft.Extensions.Configuration;
using NgTradingBot.AppHost.Hosting.Processes;
using NgTradingBot.AppHost.Hosting.Resources;

namespace NgTradingBot.AppHost.Hosting;

/// <summary>
/// Starts the resources in dependency order (each once everything it waits for is ready), reports
/// their state, and stops them in reverse order. Run by the AppHost and by the test fixture alike.
/// </summary>
public sealed class DistributedApplication : IAsyncDisposable
{
    private readonly List<Resource> _resources;
    private readonly AppHostContext _context;
    private readonly CancellationTokenSource _stopping = new();
    private bool _started;

    internal DistributedApplication(List<Resource> resources, IConfiguration configuration, AppHostOptions options, string dataDirectory)
    {
        _resources = resources;
        DataDirectory = dataDirectory;
        Configuration = configuration;
        _context = new AppHostContext(configuration, options, dataDirectory, new ProcessLedger(Path.Combine(dataDirectory, "apphost.processes")), _stopping.Token);
    }

    public static DistributedApplicationBuilder CreateBuilder(string[] args) => new(new DistributedApplicationOptions { Args = args });

    public static DistributedApplicationBuilder CreateBuilder(DistributedApplicationOptions options) => new(options);

    public IReadOnlyList<Resource> Resources => _resources;

    public IConfiguration Configuration { get; }

    public string DataDirectory { get; }

    public Resource GetResource(string name) =>
        _resources.FirstOrDefault(r => r.Name == name) ?? throw new InvalidOperationException($"No resource named '{name}'.");

    public async Task StartAsync(CancellationToken cancellationToken = default)
    {
        _started = true;
        Directory.CreateDirectory(DataDirectory);
        await _context.Ledger.StopSurvivorsAsync();

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _stopping.Token);
        timeout.CancelAfter(_context.Options.StartupTimeout);
        foreach (var resource in _resources)
        {
            _ = StartWhenDependenciesReadyAsync(resource, timeout.Token);
        }
        try
        {
            await Task.WhenAll(_resources.Select(r => r.Ready)).WaitAsync(timeout.Token);
        }
        catch (Exception) when (!cancellationToken.IsCancellationRequested)
        {
            // Report the root cause (a missing prerequisite), not a dependent that merely waited on it.
            var failures = _resources.Where(r => r.Ready.IsFaulted).Select(r => r.Ready.Exception!.InnerException!).ToList();
            throw failures.OfType<PrerequisiteMissingException>().FirstOrDefault<Exception>()
                ?? failures.FirstOrDefault(f => f is not OperationCanceledException)
                ?? new TimeoutException($"Not every resource was ready within {_context.Options.StartupTimeout}: "
                    + string.Join(", ", _resources.Where(r => !r.Ready.IsCompleted).Select(r => $"{r.Name} ({r.State})")));
        }
    }

    /// <summary>Runs until Ctrl+C or SIGTERM; returns the process exit code.</summary>
    public async Task<int> RunAsync()
    {
        using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, OnStopSignal);
        using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, OnStopSignal);
        using var sighup = PosixSignalRegistration.Create(PosixSignal.SIGHUP, OnStopSignal);
        try
        {
            ConsoleOutput.AppHost($"starting {_resources.Count} resources; data in {DataDirectory}");
            await StartAsync(_stopping.Token);
            ConsoleOutput.AppHost("all resources are up (Ctrl+C stops everything):");
            foreach (var line in ResourceSummary.Lines(_resources))
            {
                ConsoleOutput.AppHost(line);
            }
            await Task.Delay(Timeout.Infinite, _stopping.Token).ContinueWith(_ => { }, TaskScheduler.Default);
            return 0;
        }
        catch (PrerequisiteMissingException missing)
        {
            ConsoleOutput.AppHost(missing.Message);
            return 2;
        }
        catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
        {
            return 0;
        }
        catch (Exception error)
        {
            ConsoleOutput.AppHost($"start failed: {error.Message}");
            return 1;
        }
        finally
        {
            ConsoleOutput.AppHost("stopping");
            await StopAsync();
            ConsoleOutput.AppHost("stopped");
        }
    }

    public async Task StopAsync()
    {
        await _stopping.CancelAsync();
        if (!_started)
        {
            return;
        }
        // Dependents first, so no service sees its database vanish while it still serves.
        for (var i = _resources.Count - 1; i >= 0; i--)
        {
            try
            {
                await _resources[i].StopAsync();
            }
            catch (Exception error)
            {
                ConsoleOutput.AppHost($"{_resources[i].Name} did not stop cleanly: {error.Message}");
            }
        }
        _started = false;
    }

    public async ValueTask DisposeAsync() => await StopAsync();

    private void OnStopSignal(PosixSignalContext context)
    {
        context.Cancel = true;
        _stopping.Cancel();
    }

    private async Task StartWhenDependenciesReadyAsync(Resource resource, CancellationToken cancellationToken)
    {
        try
        {
            await Task.WhenAll(resource.WaitsFor.Select(d => d.Ready)).WaitAsync(cancellationToken);
            await resource.StartAsync(_context, cancellationToken);
        }
        catch (Exception error)
        {
            resource.MarkFailed(error);
        }
    }
}
