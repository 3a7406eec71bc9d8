using Npgsql;
using NgTradingBot.Handoff;
using StackExchange.Redis;

namespace NgTradingBot.IntegrationTests.Hosting;

/// <summary>Looks into the real stores: what Core wrote to PostgreSQL and what the gateway handed off through Redis.</summary>
public sealed class SystemProbe(DistributedApplication app) : IAsyncDisposable
{
    private readonly NpgsqlDataSource _database = NpgsqlDataSource.Create(ConnectionString(app, "ngtradingbot"));
    private readonly Lazy<ConnectionMultiplexer> _redis = new(() => ConnectionMultiplexer.Connect(ConnectionString(app, "redis") + ",abortConnect=false"));

    public static string ConnectionString(DistributedApplication app, string resource) =>
        app.GetConnectionStringAsync(resource).AsTask().GetAwaiter().GetResult()
        ?? throw new InvalidOperationException($"{resource} has no connection string.");

    public async Task<T?> ScalarAsync<T>(string sql, params object[] parameters)
    {
        await using var command = _database.CreateCommand(sql);
        foreach (var parameter in parameters)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = parameter });
        }
        var value = await command.ExecuteScalarAsync();
        return value is null or DBNull ? default : (T)Convert.ChangeType(value, Nullable.GetUnderlyingType(typeof(T)) ?? typeof(T));
    }

    public async Task<List<Dictionary<string, object?>>> RowsAsync(string sql, params object[] parameters)
    {
        await using var command = _database.CreateCommand(sql);
        foreach (var parameter in parameters)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = parameter });
        }
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<Dictionary<string, object?>>();
        while (await reader.ReadAsync())
        {
            rows.Add(Enumerable.Range(0, reader.FieldCount).ToDictionary(reader.GetName, i => reader.IsDBNull(i) ? null : reader.GetValue(i)));
        }
        return rows;
    }

    /// <summary>Waits until a query returns a non-null, non-zero value (Core stores asynchronously).</summary>
    public async Task<T> EventuallyAsync<T>(string sql, params object[] parameters)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (true)
        {
            var value = await ScalarAsync<T>(sql, parameters);
            if (value is not null && !EqualityComparer<T>.Default.Equals(value, default!))
            {
                return value;
            }
            try
            {
                await Task.Delay(50, timeout.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"Nothing came of: {sql}");
            }
        }
    }

    /// <summary>The ids of the last entries ever appended to the ingest streams (both lanes): they move on any hand-off.</summary>
    public async Task<string> LastIngestIdAsync()
    {
        var database = _redis.Value.GetDatabase();
        var ids = new List<string>();
        foreach (var key in new[] { EaRedisKeys.IngestStream, EaRedisKeys.CommandIngestStream })
        {
            ids.Add(await database.KeyExistsAsync(key) ? (string)(await database.StreamInfoAsync(key)).LastGeneratedId! : "0-0");
        }
        return string.Join(' ', ids);
    }

    /// <summary>The system's Redis, to listen where its services announce.</summary>
    public IConnectionMultiplexer Redis => _redis.Value;

    /// <summary>Waits until Core has stored everything handed off so far.</summary>
    public async Task WaitForIngestDrainedAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var database = _redis.Value.GetDatabase();
        while (await database.StreamLengthAsync(EaRedisKeys.IngestStream) + await database.StreamLengthAsync(EaRedisKeys.CommandIngestStream) > 0)
        {
            await Task.Delay(50, timeout.Token);
        }
    }

    /// <summary>Waits until the quote board holds a quote of the account's symbol starting with <paramref name="prefix"/>.</summary>
    public async Task WaitForQuoteAsync(long login, string symbol, string prefix)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        var database = _redis.Value.GetDatabase();
        while (((string?)await database.HashGetAsync(EaRedisKeys.Quotes, EaRedisKeys.QuoteField(login, symbol)))?.StartsWith(prefix, StringComparison.Ordinal) != true)
        {
            await Task.Delay(10, timeout.Token);
        }
    }

    // Connection health is an observation of the traffic, refusals included, that the health check records as time
    // passes (a refused request is meant to cost its account score): what it writes is left out of the fingerprint.
    private static readonly Dictionary<string, string> HealthObservations = new()
    {
        ["connections"] = """
            SELECT account_id, last_seen_at, last_heartbeat_at, last_tick_at, remote_address, heartbeat_count, tick_batch_count,
                   ticks_received, broker_offset_seconds, broker_time, broker_time_moved_at FROM connections
            """,
        ["connection_events"] = "SELECT * FROM connection_events WHERE event NOT LIKE 'health.%'",
    };

    /// <summary>A fingerprint of every row of every table of ours (but the health check's observations): equal fingerprints mean nothing changed.</summary>
    public async Task<string> DatabaseDigestAsync()
    {
        var tables = new List<string>();
        await using (var command = _database.CreateCommand("SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY 1"))
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                tables.Add(reader.GetString(0));
            }
        }
        var digests = new List<string>();
        foreach (var table in tables)
        {
            var rows = HealthObservations.TryGetValue(table, out var select) ? select : $"SELECT * FROM \"{table}\"";
            digests.Add($"{table}:{await ScalarAsync<string>($"SELECT md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) FROM ({rows}) t")}");
        }
        return string.Join('\n', digests);
    }

    public async ValueTask DisposeAsync()
    {
        await _database.DisposeAsync();
        if (_redis.IsValueCreated)
        {
            _redis.Value.Dispose();
        }
    }
}
