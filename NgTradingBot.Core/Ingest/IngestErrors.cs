using System.Data;
using Npgsql;
using NgTradingBot.Core.Persistence;

namespace NgTradingBot.Core.Ingest;

/// <summary>A message that can never be stored as it is (it goes to ingest_failures and is acknowledged).</summary>
public sealed class IngestDataException(string message) : Exception(message);

public static class IngestErrors
{
    /// <summary>
    /// True when retrying the same batch later can succeed: a store that is down (<see cref="StoreFailures"/>)
    /// or a broken connection. Anything else is a problem with a message's data, isolated to that message.
    /// </summary>
    public static bool IsTransient(Exception exception, NpgsqlConnection? connection = null) =>
        connection?.FullState.HasFlag(ConnectionState.Broken) == true || StoreFailures.IsTransient(exception);
}
