using System.Text.Json;

namespace NgTradingBot.EaProtocol.Requests;

/// <summary>POST /api/profit_update: sent on every OnTrade event, possibly several per trade operation.</summary>
/// <param name="Profit">profit_today/_week/_month/_year (year = lifetime P/L).</param>
public sealed record ProfitUpdateRequest(long Account, decimal Balance, decimal Equity, PeriodAmounts Profit)
{
    public static EaParseResult<ProfitUpdateRequest> Parse(JsonElement body)
    {
        var reader = new FieldReader(body);
        return reader.Result(new ProfitUpdateRequest(
            reader.Account(),
            reader.Decimal("balance"),
            reader.Decimal("equity"),
            PeriodAmounts.Read(reader, "profit_")));
    }
}
