using System.Globalization;
using System.Text.Json;
using NgTradingBot.Client;

namespace NgTradingBot.Web.Commands;

/// <summary>What a command asks for, in a trader's words: "BUY 0.01 EURUSD", "CLOSE #123", "MODIFY #123".</summary>
public static class CommandDescription
{
    public static string Of(Command command) => Of(command.Type, command.Payload);

    public static string Of(string type, JsonElement payload)
    {
        if (payload.ValueKind != JsonValueKind.Object)
        {
            return type;
        }

        return type switch
        {
            "OPEN_TRADE" => Join(Text(payload, "order_type"), Text(payload, "volume"), Text(payload, "symbol")),
            "CLOSE_TRADE" => Join("CLOSE", Ticket(payload)),
            "MODIFY_TRADE" => Join("MODIFY", Ticket(payload)),
            "REQUEST_HISTORICAL_DATA" => Join("HISTORY", Text(payload, "symbol"), Text(payload, "timeframe")),
            _ => type,
        };
    }

    private static string? Ticket(JsonElement payload) => Text(payload, "ticket") is { } ticket ? "#" + ticket : null;

    private static string? Text(JsonElement payload, string name) => payload.TryGetProperty(name, out var value) ? value.ValueKind switch
    {
        JsonValueKind.String => value.GetString(),
        JsonValueKind.Number => value.GetDecimal().ToString(CultureInfo.InvariantCulture),
        _ => null,
    } : null;

    private static string Join(params string?[] parts) => string.Join(' ', parts.Where(p => !string.IsNullOrEmpty(p)));
}
