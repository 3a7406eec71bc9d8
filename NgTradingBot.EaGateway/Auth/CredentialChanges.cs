using NgTradingBot.Handoff;
using StackExchange.Redis;

namespace NgTradingBot.EaGateway.Auth;

/// <summary>
/// Drops a cached credential as soon as Core announces a change (a new key, an approval, a block), so an
/// operator's block takes effect one pub/sub hop after Core's answer rather than after the cache time.
/// </summary>
public sealed class CredentialChanges(IConnectionMultiplexer redis, EaAuthenticator authenticator) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        redis.GetSubscriber().Subscribe(RedisChannel.Literal(EaRedisKeys.CredentialsChangedChannel), (channel, login) =>
        {
            if (long.TryParse((string?)login, out var value))
            {
                authenticator.Forget(value);
            }
        });
        // Announcements made while disconnected are lost: trust no cached credential after a reconnect.
        redis.ConnectionRestored += (_, _) => authenticator.ForgetAll();
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
