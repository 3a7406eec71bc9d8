using NgTradingBot.Infrastructure.Handoff;
using NgTradingBot.Infrastructure.Redis;

namespace NgTradingBot.EaGateway.Auth;

/// <summary>
/// Drops a cached credential as soon as Core announces a change (a new key, an approval, a block), so an
/// operator's block takes effect on the EA's next request rather than after the cache time.
/// </summary>
public sealed class CredentialChanges(RedisConnection redis, EaAuthenticator authenticator) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        redis.Subscriber.Subscribe(EaRedisKeys.CredentialsChangedChannel, (channel, login) =>
        {
            if (long.TryParse((string?)login, out var value))
            {
                authenticator.Forget(value);
            }
        });
        // Announcements made while disconnected are lost: trust no cached credential after a reconnect.
        redis.Multiplexer.ConnectionRestored += (_, _) => authenticator.ForgetAll();
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
