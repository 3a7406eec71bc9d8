using StackExchange.Redis;

namespace NgTradingBot.Infrastructure.Redis;

/// <summary>
/// The one multiplexer a process shares. Connects lazily and keeps retrying in the background, so a
/// service can start before Redis is up and report it through its health check instead of crashing.
/// </summary>
public sealed class RedisConnection : IDisposable
{
    private readonly Lazy<ConnectionMultiplexer> _multiplexer;

    public RedisConnection(string connectionString)
    {
        var options = ConfigurationOptions.Parse(connectionString);
        options.AbortOnConnectFail = false;
        options.ConnectTimeout = 5000;
        options.SyncTimeout = 5000;
        _multiplexer = new Lazy<ConnectionMultiplexer>(() =>
        {
            var multiplexer = ConnectionMultiplexer.Connect(options);
            // 1.2.6 with the default (true) stops answering under concurrent load (measured, see ENVIRONMENT.md).
            multiplexer.PreserveAsyncOrder = false;
            return multiplexer;
        });
    }

    public ConnectionMultiplexer Multiplexer => _multiplexer.Value;

    public IDatabase Database => Multiplexer.GetDatabase();

    public ISubscriber Subscriber => Multiplexer.GetSubscriber();

    /// <summary>Loads a script on every server so callers can run it by SHA without resending it.</summary>
    public async Task<LoadedLuaScript> LoadAsync(LuaScript script)
    {
        LoadedLuaScript? loaded = null;
        foreach (var endpoint in Multiplexer.GetEndPoints())
        {
            loaded = await script.LoadAsync(Multiplexer.GetServer(endpoint)).ConfigureAwait(false);
        }
        return loaded ?? throw new InvalidOperationException("No Redis endpoint is configured.");
    }

    public void Dispose()
    {
        if (_multiplexer.IsValueCreated)
        {
            _multiplexer.Value.Dispose();
        }
    }
}
