using NgTradingBot.Handoff;
using NgTradingBot.Web.Live;
using StackExchange.Redis;

namespace NgTradingBot.Web.Commands;

/// <summary>
/// Core's announcements of command changes (<see cref="CommandChangeChannel"/>), passed to every page watching, so a
/// command's new state is on screen within moments of being stored. An announcement lost while Redis is away costs only
/// freshness: the pages read the commands again when they open and on the next announcement.
/// </summary>
public sealed class CommandChangeFeed(IConnectionMultiplexer redis, ILogger<CommandChangeFeed> logger) : IHostedService
{
    private readonly Watchers<CommandChange> _watchers = new(logger);

    public IDisposable Watch(Action<CommandChange> onChange) => _watchers.Add(onChange);

    public Task StartAsync(CancellationToken cancellationToken)
    {
        CommandChangeChannel.SubscribeInBackground(redis, logger, _watchers.Notify);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
