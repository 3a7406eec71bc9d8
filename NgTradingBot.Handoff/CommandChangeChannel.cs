using System.Text.Json;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace NgTradingBot.Handoff;

/// <summary>A command changed state; Core announces it once the change is committed.</summary>
/// <param name="Origin">The Core instance that made the change: it has told its own listeners already.</param>
/// <param name="EndToEndMs">For an answer stored as final: created to stored as Core timed it at the commit (its metrics'
/// figure), so a listener need not read the command for it.</param>
public sealed record CommandChange(string Id, long Login, string Status, string? Origin = null, double? EndToEndMs = null);

/// <summary>
/// Core's announcements of command changes over Redis pub/sub (<see cref="EaRedisKeys.CommandChangesChannel"/>): one
/// format for Core, which publishes them and wakes its own waiters with them, and for Web, whose pages show them.
/// </summary>
public static class CommandChangeChannel
{
    public static readonly RedisChannel Channel = RedisChannel.Literal(EaRedisKeys.CommandChangesChannel);

    public static string Serialize(CommandChange change) => JsonSerializer.Serialize(change, JsonSerializerOptions.Web);

    /// <summary>The announcement, or null for a message that is not one.</summary>
    public static CommandChange? Parse(RedisValue message)
    {
        try
        {
            return message.IsNullOrEmpty ? null
                : JsonSerializer.Deserialize<CommandChange>((string)message!, JsonSerializerOptions.Web) is { Id: not null, Status: not null } change ? change : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>
    /// Subscribes in the background (<see cref="RedisSubscriptions"/>), so the service starts, and stays up, while Redis is
    /// away. The messages come in order: a listener sees an order's DELIVERED before its COMPLETED.
    /// </summary>
    public static void SubscribeInBackground(IConnectionMultiplexer redis, ILogger logger, Action<CommandChange> onChange) =>
        RedisSubscriptions.SubscribeInBackground(redis, Channel, "command changes", logger, message =>
        {
            if (Parse(message) is { } change)
            {
                onChange(change);
            }
        });
}
