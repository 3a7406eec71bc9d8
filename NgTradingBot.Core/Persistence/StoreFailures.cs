using System.Net.Sockets;
using Npgsql;
using StackExchange.Redis;

namespace NgTradingBot.Core.Persistence;

public static class StoreFailures
{
    /// <summary>
    /// True when the failure is PostgreSQL or Redis being unreachable, restarting or overloaded (or a deadlock or
    /// serialization conflict): the same work can succeed later. The whole chain is examined because EF Core
    /// wraps Npgsql's errors ("likely due to a transient failure", <c>DbUpdateException</c>).
    /// </summary>
    public static bool IsTransient(Exception exception) => exception switch
    {
        PostgresException postgres => postgres.IsTransient,
        NpgsqlException or RedisException or TimeoutException or SocketException or IOException => true,
        _ => exception.InnerException is { } inner && IsTransient(inner),
    };
}
