using System.Data;
using System.Net.Sockets;
using Npgsql;

namespace NgTradingBot.Core.Ingest;

/// <summary>A message that can never be stored as it is (it goes to ingest_failures and is acknowledged).</summary>
public sealed class IngestDataException(string message) : Exception(message);

public static class IngestErrors
{
    /// <summary>
    /// True when retrying the same batch later can succeed: PostgreSQL unreachable, restarting or
    /// overloaded, a deadlock or serialization conflict, a broken connection. Anything else is a
    /// problem with a message's data, isolated to that message.
    /// </summary>
    public static bool IsTransient(Exception exception, NpgsqlConnection? connection = null) =>
        connection?.FullState.HasFlag(ConnectionState.Broken) == true
        || exception switch
        {
            PostgresException postgres => postgres.IsTransient,
            NpgsqlException or TimeoutException or SocketException or IOException => true,
            _ => exception.InnerException is { } inner && IsTransient(inner),
        };

    /// <summary>Also a Redis failure, for steps that touch both stores.</summary>
    public static bool IsTransientOrRedis(Exception exception) =>
        exception is StackExchange.Redis.RedisException || IsTransient(exception);
}
