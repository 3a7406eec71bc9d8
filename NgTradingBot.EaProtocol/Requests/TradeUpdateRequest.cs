using System.Text.Json;
using NgTradingBot.EaProtocol.Domain;

namespace NgTradingBot.EaProtocol.Requests;

/// <summary>
/// POST /api/trades/update: one position, an upsert keyed by ticket. OPEN/MODIFY carry live values
/// (close_price 0, close_time 0); CLOSE carries the OUT deal's price, profit, commission and swap and
/// <b>always sl/tp 0</b>: do not overwrite stored SL/TP with those zeros. A partial close arrives as
/// <see cref="TradeStatus.Closed"/> and the next 10 s sync brings the ticket back as open.
/// </summary>
/// <param name="Volume">Current volume (OPEN) or the IN deal's volume (CLOSE).</param>
/// <param name="Commission">Sum over the position's deals (OPEN) or the OUT deal's only (CLOSE).</param>
/// <param name="CloseReason">Empty while open; TP_HIT, SL_HIT, TRAILING_STOP, MANUAL, UNKNOWN or a server reason.</param>
public sealed record TradeUpdateRequest(
    long Account,
    long Ticket,
    string Symbol,
    TradeDirection Direction,
    decimal Volume,
    decimal OpenPrice,
    long OpenTime,
    decimal ClosePrice,
    long CloseTime,
    decimal StopLoss,
    decimal TakeProfit,
    decimal Profit,
    decimal Commission,
    decimal Swap,
    TradeStatus Status,
    string Source,
    string CloseReason)
{
    public static EaParseResult<TradeUpdateRequest> Parse(JsonElement body)
    {
        var reader = new FieldReader(body);
        var account = reader.Account();
        var ticket = reader.Integer("ticket", min: 1);
        var symbol = reader.Text("symbol");
        var direction = reader.Choice("direction", EaWireNames.Directions);
        var volume = reader.Decimal("volume", FieldReader.Sign.NonNegative);
        var openPrice = reader.Decimal("open_price", FieldReader.Sign.Positive);
        var openTime = reader.Integer("open_time", min: 1);
        var closePrice = reader.Decimal("close_price", FieldReader.Sign.NonNegative);
        var closeTime = reader.Integer("close_time", min: 0);
        var stopLoss = reader.Decimal("sl", FieldReader.Sign.NonNegative);
        var takeProfit = reader.Decimal("tp", FieldReader.Sign.NonNegative);
        var profit = reader.Decimal("profit");
        var commission = reader.Decimal("commission");
        var swap = reader.Decimal("swap");
        var status = reader.Choice("status", EaWireNames.TradeStatuses);
        if (status == TradeStatus.Closed && closePrice == 0m)
        {
            reader.Fail("close_price must be greater than 0 when status is closed");
        }

        return reader.Result(new TradeUpdateRequest(
            account, ticket, symbol, direction, volume, openPrice, openTime, closePrice, closeTime,
            stopLoss, takeProfit, profit, commission, swap, status,
            reader.OptionalText("source") ?? "",
            reader.OptionalText("close_reason") ?? ""));
    }
}
