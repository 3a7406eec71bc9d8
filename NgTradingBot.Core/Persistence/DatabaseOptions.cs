using System.ComponentModel.DataAnnotations;

namespace NgTradingBot.Core.Persistence;

/// <summary>Bound from <c>Database</c>: how Core uses its PostgreSQL server.</summary>
public sealed class DatabaseOptions
{
    public const string SectionName = "Database";

    /// <summary>What Core's sessions are called on the server when the connection string names nothing else.</summary>
    public const string ApplicationName = "ngtradingbot-core";

    /// <summary>
    /// The most connections Core opens (Npgsql's <c>Maximum Pool Size</c>, which this replaces). Npgsql hands idle
    /// connections out first in, first out, so every connection a burst once opened stays in rotation: with its default
    /// of 100, 200 EAs' connects left about 90 server processes taking turns at the steady work, each with its own cold
    /// caches and its own prepared statements. Two cores run two statements at a time; the rest of a burst waits for a
    /// connection instead (up to the connection string's <c>Timeout</c>).
    /// </summary>
    [Range(2, 1000)]
    public int MaxConnections { get; set; } = 16;
}
