namespace NgTradingBot.Core.Persistence;

/// <summary>
/// A pass over the stores repeated at an interval once the schema is current. A failed pass is logged (a store
/// that is down as a warning, anything else as an error) and the next one runs on time: an exception leaving
/// <see cref="ExecuteAsync"/> would stop all of Core with exit code 0, which the AppHost does not restart.
/// </summary>
public abstract class RecurringSweep(SchemaMigrator migrator, ILogger logger) : BackgroundService
{
    /// <summary>What a pass does, for the log ("command relay pass").</summary>
    protected abstract string Name { get; }

    protected abstract TimeSpan Interval { get; }

    /// <summary>Whether the first pass runs as soon as the schema is current rather than an interval later.</summary>
    protected virtual bool RunsAtStart => false;

    protected abstract Task RunPassAsync(CancellationToken cancellationToken);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await migrator.Completed.WaitAsync(stoppingToken);
        using var timer = new PeriodicTimer(Interval);
        if (RunsAtStart)
        {
            await RunLoggedAsync(stoppingToken);
        }

        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            await RunLoggedAsync(stoppingToken);
        }
    }

    private async Task RunLoggedAsync(CancellationToken stoppingToken)
    {
        try
        {
            await RunPassAsync(stoppingToken);
        }
        catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
        {
            if (StoreFailures.IsTransient(ex))
            {
                logger.LogWarning("The {Sweep} failed: {Error}", Name, ex.Message);
            }
            else
            {
                logger.LogError(ex, "The {Sweep} failed", Name);
            }
        }
    }
}
