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

    /// <summary>
    /// One step of a pass that must not depend on the others: its failure is logged like a failed pass, and the
    /// steps after it still run.
    /// </summary>
    protected Task StepAsync(string step, Func<CancellationToken, Task> run, CancellationToken stoppingToken) =>
        RunLoggedAsync(run, $"{Name} ({step})", stoppingToken);

    private Task RunLoggedAsync(CancellationToken stoppingToken) => RunLoggedAsync(RunPassAsync, Name, stoppingToken);

    private async Task RunLoggedAsync(Func<CancellationToken, Task> run, string what, CancellationToken stoppingToken)
    {
        try
        {
            await run(stoppingToken);
        }
        catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
        {
            if (StoreFailures.IsTransient(ex))
            {
                logger.LogWarning("The {Sweep} failed: {Error}", what, ex.Message);
            }
            else
            {
                logger.LogError(ex, "The {Sweep} failed", what);
            }
        }
    }
}
