using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace NgTradingBot.AppHost.Services;

/// <summary>Marks a resource the <see cref="ServiceSupervisor"/> starts again when it crashes.</summary>
public sealed class RestartWhenCrashedAnnotation : IResourceAnnotation;

/// <summary>
/// Starts a crashed service again, waiting 0.5 s and doubling up to <see cref="AppHostOptions.RestartBackoffMax"/>.
/// A crash is an exit with a non-zero code from the running state; a stop asked for (Ctrl+C, SIGTERM, the
/// dashboard's Stop) passes through Stopping and ends with code 0, and is left alone.
/// </summary>
public sealed class ServiceSupervisor(
    ResourceNotificationService notifications,
    ResourceCommandService commands,
    AppHostSetup setup,
    ILogger<ServiceSupervisor> logger) : BackgroundService
{
    private static readonly TimeSpan FirstBackoff = TimeSpan.FromMilliseconds(500);
    private static readonly TimeSpan StableAfter = TimeSpan.FromMinutes(1);

    private readonly Dictionary<string, string?> _lastState = [];
    private readonly Dictionary<string, (int Crashes, DateTimeOffset Last)> _crashes = [];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var update in notifications.WatchAsync(stoppingToken))
        {
            if (!update.Resource.HasAnnotationOfType<RestartWhenCrashedAnnotation>())
            {
                continue;
            }
            var state = update.Snapshot.State?.Text;
            _lastState.TryGetValue(update.ResourceId, out var previous);
            _lastState[update.ResourceId] = state;
            if (previous == KnownResourceStates.Running && state is not null && KnownResourceStates.TerminalStates.Contains(state)
                && update.Snapshot.ExitCode is { } code && code != 0)
            {
                _ = RestartAsync(update.ResourceId, code, NextBackoff(update.ResourceId), stoppingToken);
            }
        }
    }

    private TimeSpan NextBackoff(string resourceId)
    {
        var now = DateTimeOffset.UtcNow;
        var crashes = _crashes.TryGetValue(resourceId, out var last) && now - last.Last < StableAfter ? last.Crashes + 1 : 0;
        _crashes[resourceId] = (crashes, now);
        var backoff = FirstBackoff * Math.Pow(2, Math.Min(crashes, 16));
        return backoff < setup.Options.RestartBackoffMax ? backoff : setup.Options.RestartBackoffMax;
    }

    private async Task RestartAsync(string resourceId, int exitCode, TimeSpan backoff, CancellationToken stoppingToken)
    {
        logger.LogWarning("{Resource} exited with code {ExitCode}; starting it again in {Backoff}", resourceId, exitCode, backoff);
        try
        {
            await Task.Delay(backoff, stoppingToken);
            var result = await commands.ExecuteCommandAsync(resourceId, KnownResourceCommands.StartCommand, stoppingToken);
            if (!result.Success)
            {
                logger.LogError("Starting {Resource} again failed: {Error}", resourceId, result.Message);
            }
        }
        catch (OperationCanceledException)
        {
            // The AppHost is stopping: nothing is started again.
        }
    }
}

public static class ServiceSupervisorExtensions
{
    public static IResourceBuilder<T> RestartedWhenCrashed<T>(this IResourceBuilder<T> builder) where T : IResource
    {
        builder.ApplicationBuilder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, ServiceSupervisor>());
        return builder.WithAnnotation(new RestartWhenCrashedAnnotation());
    }
}
