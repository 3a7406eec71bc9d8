using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using NgTradingBot.Handoff;
using StackExchange.Redis;

namespace NgTradingBot.EaGateway.Commands;

/// <summary>
/// Which accounts may have commands waiting. Almost every 50 ms poll finds an empty queue; asking Redis
/// each time would cost most of a core at full load. Core announces each enqueue on a channel, so an
/// account known to be empty is answered from memory, and asked again at least every
/// <see cref="EaGatewayOptions.EmptyQueueRecheck"/> in case an announcement was lost.
/// </summary>
public sealed class CommandAvailability(IConnectionMultiplexer redis, IOptions<EaGatewayOptions> options, TimeProvider time) : IHostedService
{
    private readonly ConcurrentDictionary<long, DateTimeOffset> _knownEmptySince = new();

    public bool MayHaveCommands(long login) =>
        !_knownEmptySince.TryGetValue(login, out var since) || time.GetUtcNow() - since >= options.Value.EmptyQueueRecheck;

    /// <summary>Call only with the time taken before the dequeue, so an announcement during it is not lost.</summary>
    public void MarkEmpty(long login, DateTimeOffset checkedAt) => _knownEmptySince[login] = checkedAt;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        redis.GetSubscriber().Subscribe(RedisChannel.Literal(EaRedisKeys.CommandsReadyChannel), (channel, login) =>
        {
            if (long.TryParse((string?)login, out var value))
            {
                _knownEmptySince.TryRemove(value, out _);
            }
        });
        // While disconnected announcements are lost: trust nothing learned before the reconnect.
        redis.ConnectionRestored += (_, _) => _knownEmptySince.Clear();
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
