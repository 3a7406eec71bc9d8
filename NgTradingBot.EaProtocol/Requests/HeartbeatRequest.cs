using System.Text.Json;

namespace NgTradingBot.EaProtocol.Requests;

/// <summary>
/// POST /api/heartbeat: sent on chart ticks at most every 2 s of broker time while connected (none on a
/// closed market). Only a 403 answer makes the EA re-register.
/// </summary>
/// <param name="Timestamp">TimeCurrent(), broker seconds.</param>
/// <param name="Profit">profit_today/_week/_month/_year (year = lifetime P/L).</param>
/// <param name="Deposits">deposits_today/_week/_month/_year (calendar windows).</param>
public sealed record HeartbeatRequest(
    long Account,
    long Timestamp,
    AccountSnapshot Snapshot,
    PeriodAmounts Profit,
    PeriodAmounts Deposits)
{
    public static EaParseResult<HeartbeatRequest> Parse(JsonElement body)
    {
        var reader = new FieldReader(body);
        return reader.Result(new HeartbeatRequest(
            reader.Account(),
            reader.Integer("timestamp", min: 0),
            AccountSnapshot.Read(reader),
            PeriodAmounts.Read(reader, "profit_"),
            PeriodAmounts.Read(reader, "deposits_")));
    }
}
