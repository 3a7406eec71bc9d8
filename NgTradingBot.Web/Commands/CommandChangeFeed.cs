using System.Text.Json;
using NgTradingBot.Handoff;
using NgTradingBot.Web.Live;
using StackExchange.Redis;

namespace NgTradingBot.Web.Commands;

/// <summary>A command changed state: what Core announces on Redis once the change is committed.</summary>
public sealed record CommandChange(string Id, long Login, string Status);

/// <summary>
/// Core's announcements of command changes (Redis pub/sub), passed to every page watching, so a command's new state is on
/// screen within milliseconds of being stored. An announcement lost while Redis is away costs only freshness: the
/// pages also read the command again when they open.
/// </summary>
public sealed class CommandChangeFeed(IConnectionMultiplexer redis, ILogger<CommandChangeFeed> logger) : IHostedService
{
    private static readonly RedisChannel Channel = RedisChannel.Literal(EaRedisKeys.CommandChangesChannel);

    private readonly Watchers<CommandChange> _watchers = new(logger);

    public IDisposable Watch(Action<CommandChange> onChange) => _watchers.Add(onChange);

    public Task StartAsync(CancellationToken cancellationToken)
    {
        // In the background: Web must start, and stay up, while Redis is away; the multiplexer subscribes again after a reconnect.
        _ = Task.Run(async () =>
        {
            while (true)
            {
                try
                {
                    var messages = await redis.GetSubscriber().SubscribeAsync(Channel);
                    messages.OnMessage(message => Dispatch(message.Message));
                    return;
                }
                catch (Exception ex) when (ex is RedisException or TimeoutException)
                {
                    logger.LogWarning("Could not subscribe to command changes yet: {Error}", ex.Message);
                    await Task.Delay(TimeSpan.FromSeconds(1), CancellationToken.None);
                }
            }
        }, CancellationToken.None);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private void Dispatch(RedisValue message)
    {
        try
        {
            if (JsonSerializer.Deserialize<CommandChange>((string)message!, JsonSerializerOptions.Web) is { Id: not null, Status: not null } change)
            {
                _watchers.Notify(change);
            }
        }
        catch (JsonException ex)
        {
            logger.LogDebug("An unreadable command change: {Error}", ex.Message);
        }
    }
}
