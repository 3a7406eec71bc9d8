using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace NgTradingBot.Handoff;

/// <summary>Subscriptions that must not hold a service's start up, nor bring it down, while Redis is away.</summary>
public static class RedisSubscriptions
{
    /// <summary>
    /// Subscribes in the background, trying again each second until Redis answers (the multiplexer subscribes again by
    /// itself after a later reconnect). The messages come as a queue, in the order they were published, not to
    /// concurrent handlers.
    /// </summary>
    /// <param name="what">What the channel carries, for the log line of a failed attempt.</param>
    public static void SubscribeInBackground(IConnectionMultiplexer redis, RedisChannel channel, string what, ILogger logger, Action<RedisValue> onMessage) =>
        _ = Task.Run(async () =>
        {
            while (true)
            {
                try
                {
                    var messages = await redis.GetSubscriber().SubscribeAsync(channel).ConfigureAwait(false);
                    messages.OnMessage(message => onMessage(message.Message));
                    return;
                }
                catch (Exception ex) when (ex is RedisException or TimeoutException)
                {
                    logger.LogWarning("Could not subscribe to {What} yet: {Error}", what, ex.Message);
                    await Task.Delay(TimeSpan.FromSeconds(1), CancellationToken.None).ConfigureAwait(false);
                }
            }
        }, CancellationToken.None);
}
