using System.Threading.Channels;
using Microsoft.Extensions.Options;
using NgTradingBot.Client;
using NgTradingBot.Handoff;
using NgTradingBot.Web.Commands;
using NgTradingBot.Web.Live;

namespace NgTradingBot.Web.Fleet;

/// <summary>
/// One reading of Core per <see cref="FleetOptions.PollInterval"/> for every open overview (two calls, whatever the number
/// of pages or accounts), pushed to each page as one snapshot: a page renders once per reading, not once per account.
/// Nobody watching, nothing is read. Finished commands add their end-to-end time to their account's latency trend.
/// </summary>
public sealed class FleetFeed(OperatorClient core, CommandChangeFeed commandChanges, IOptions<FleetOptions> options, TimeProvider time,
    ILogger<FleetFeed> logger) : BackgroundService
{
    private readonly Watchers<FleetSnapshot> _watchers = new(logger);
    private readonly FleetReading _reading = new();
    private readonly Lock _readingLock = new();
    private readonly Channel<CommandChange> _finished = Channel.CreateBounded<CommandChange>(
        new BoundedChannelOptions(1000) { FullMode = BoundedChannelFullMode.DropOldest });

    public FleetSnapshot Latest { get; private set; } = FleetSnapshot.Empty;

    public IDisposable Watch(Action<FleetSnapshot> onSnapshot) => _watchers.Add(onSnapshot);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var changes = commandChanges.Watch(change =>
        {
            if (change.Status is CommandStatus.Completed or CommandStatus.Failed)
            {
                _finished.Writer.TryWrite(change);
            }
        });
        await Task.WhenAll(PollAsync(stoppingToken), RecordLatenciesAsync(stoppingToken));
    }

    private async Task PollAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.PollInterval, time);
        do
        {
            if (_watchers.Count == 0)
            {
                continue;
            }

            try
            {
                var status = core.GetSystemStatusAsync(stoppingToken);
                var accounts = core.ListAccountsAsync(stoppingToken);
                await Task.WhenAll(status, accounts);
                lock (_readingLock)
                {
                    Latest = _reading.Next(status.Result, accounts.Result, time.GetUtcNow().UtcDateTime);
                }
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                // Whatever went wrong, the pages keep the last good figures and say why they are not fresh.
                logger.LogWarning("Could not read the fleet from Core: {Error}", ex.Message);
                Latest = Latest with { Problem = $"Core did not answer: {ex.Message}" };
            }
            _watchers.Notify(Latest);
        }
        while (await WaitAsync(timer, stoppingToken));
    }

    private async Task RecordLatenciesAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var change in _finished.Reader.ReadAllAsync(stoppingToken))
            {
                try
                {
                    // An answer's announcement carries its time; a final state set otherwise (a sweep) is read.
                    var endToEnd = change.EndToEndMs ?? (await core.GetCommandAsync(change.Id, stoppingToken)).Latency?.EndToEndMs;
                    if (endToEnd is not null)
                    {
                        lock (_readingLock)
                        {
                            _reading.AddCommandLatency(change.Login, endToEnd.Value);
                        }
                    }
                }
                catch (Exception ex) when (ex is HttpRequestException or TradingBotApiException)
                {
                    logger.LogDebug("Could not read command {CommandId}'s latency: {Error}", change.Id, ex.Message);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private static async Task<bool> WaitAsync(PeriodicTimer timer, CancellationToken stoppingToken)
    {
        try
        {
            return await timer.WaitForNextTickAsync(stoppingToken);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}
