using System.Globalization;

namespace NgTradingBot.Handoff;

/// <summary>
/// The Redis layout shared by the gateway and Core. Each kind of state has one writer: Core writes
/// credentials and enqueues commands; the gateway appends ingest entries and dequeues commands.
/// </summary>
public static class EaRedisKeys
{
    /// <summary>Stream of everything the EAs sent that Core must store, in arrival order.</summary>
    public const string IngestStream = "ea:ingest";

    /// <summary>Stream of command deliveries and responses, in arrival order (the ingest's command lane).</summary>
    public const string CommandIngestStream = IngestStream + ":commands";

    /// <summary>
    /// Pub/sub channel: the command lane has new entries. Whoever appends to it (the gateway with an EA's answer, the
    /// dequeue script with a delivery or expiry record) announces it, so Core stores an order's progress at once
    /// instead of at its next look.
    /// </summary>
    public const string CommandLaneAppendedChannel = CommandIngestStream + ":appended";

    /// <summary>Consumer group Core reads both ingest streams with.</summary>
    public const string IngestGroup = "core";

    /// <summary>Pub/sub channel: an account's (login's) credential or enrollment changed; caches must drop it.</summary>
    public const string CredentialsChangedChannel = "ea:credentials-changed";

    /// <summary>Pub/sub channel: an account (login) has new commands waiting.</summary>
    public const string CommandsReadyChannel = "ea:commands-ready";

    /// <summary>Core to Core: a command changed state (JSON id, login, status), for callers waiting on it.</summary>
    public const string CommandChangesChannel = "core:command-changes";

    /// <summary>Hash: account id, enrollment, current and previous API key hashes.</summary>
    public static string Credentials(long login) => $"ea:cred:{login}";

    /// <summary>Sorted set of command ids waiting for one account, by priority then creation order.</summary>
    public static string CommandQueue(long login) => $"ea:cmdq:{login}";

    /// <summary>Hash of one command: owner login, queue state and the flat JSON the EA receives.</summary>
    public static string Command(string commandId) => CommandKeyPrefix + commandId;

    public const string CommandKeyPrefix = "ea:cmd:";

    /// <summary>Hash: an account's request counters as the gateways report them (see <see cref="AccountTrafficStore"/>).</summary>
    public static string Traffic(long login) => $"ea:traffic:{login}";

    /// <summary>
    /// Hash: per account and symbol (<see cref="QuoteField"/>), the last "bid ask receivedAtUnixMs" the account posted
    /// (see <see cref="QuoteBoard"/>). One hash for all accounts, so one command writes a whole gateway's quotes.
    /// </summary>
    public const string Quotes = "ea:quotes";

    /// <summary>The <see cref="Quotes"/> field of one account's symbol: the login, a colon, the symbol as the EA names it.</summary>
    public static string QuoteField(long login, string symbol) => QuoteFieldPrefix(login) + symbol;

    public static string QuoteFieldPrefix(long login) => string.Create(CultureInfo.InvariantCulture, $"{login}:");

    /// <summary>Hash: what the gateways saw of a login's session (connect, first heartbeat, ticks, longest list served); gateway-only.</summary>

    public static string Streaming(long login) => $"ea:streaming:{login}";

    /// <summary>Hash: an account's answer-time bucket counts of one UTC minute (Unix minutes), expiring after a few hours.</summary>
    public static string Latency(long login, long minute) => $"ea:latency:{login}:{minute}";

    /// <summary>String: the login a key (by its hash) belongs to, for the one route that carries a key but no account (coverage).</summary>
    public static string KeyOwner(byte[] keyHash) => $"ea:keyowner:{Convert.ToHexStringLower(keyHash)}";
}
