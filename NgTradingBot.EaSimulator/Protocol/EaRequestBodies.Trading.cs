using System.Text;

namespace NgTradingBot.EaSimulator;

public static partial class EaRequestBodies
{
    /// <summary>
    /// <c>/api/ticks</c>: every buffered tick, every open position, live account values and the cached profit
    /// windows (no deposit fields here).
    /// </summary>
    public static string Ticks(long account, string apiKey, IEnumerable<TickSample> ticks, IEnumerable<PositionProfit> positions, AccountSnapshot a, ProfitWindows p)
    {
        var sb = new StringBuilder(256);
        sb.Append(Mql.Invariant, $"{{\"account\":{account},\"api_key\":\"{apiKey}\",\"ticks\":[");
        var first = true;
        foreach (var t in ticks)
        {
            sb.Append(first ? "" : ",");
            first = false;
            sb.Append(Mql.Invariant, $"{{\"symbol\":\"{t.Symbol}\",\"bid\":{Mql.F5(t.Bid)},\"ask\":{Mql.F5(t.Ask)},\"spread\":{Mql.F5(t.Ask - t.Bid)},\"volume\":{t.Volume},\"timestamp\":{t.Timestamp},\"tz_offset\":{t.TzOffset},\"tradeable\":{Mql.Bool(t.Tradeable)}}}");
        }
        sb.Append("],\"positions\":[");
        first = true;
        foreach (var pos in positions)
        {
            sb.Append(first ? "" : ",");
            first = false;
            sb.Append(Mql.Invariant, $"{{\"ticket\":{pos.Ticket},\"profit\":{Mql.F2(pos.Profit)},\"swap\":{Mql.F2(pos.Swap)}}}");
        }
        sb.Append(Mql.Invariant, $"],\"balance\":{Mql.F2(a.Balance)},\"equity\":{Mql.F2(a.Equity)},\"margin\":{Mql.F2(a.Margin)},\"free_margin\":{Mql.F2(a.FreeMargin)},\"profit_today\":{Mql.F2(p.ProfitToday)},\"profit_week\":{Mql.F2(p.ProfitWeek)},\"profit_month\":{Mql.F2(p.ProfitMonth)},\"profit_year\":{Mql.F2(p.ProfitYear)}}}");
        return sb.ToString();
    }

    /// <summary><c>/api/trades/update</c>: 18 fields in this order; the action itself is not transmitted.</summary>
    public static string TradeUpdate(long account, string apiKey, TradeUpdate u) =>
        string.Create(Mql.Invariant, $"{{\"account\":{account},\"api_key\":\"{apiKey}\",\"ticket\":{u.Ticket},\"symbol\":\"{u.Symbol}\",\"direction\":\"{u.Direction}\",\"volume\":{Mql.F2(u.Volume)},\"open_price\":{Mql.F5(u.OpenPrice)},\"open_time\":{u.OpenTime},\"close_price\":{Mql.F5(u.ClosePrice)},\"close_time\":{u.CloseTime},\"sl\":{Mql.F5(u.Sl)},\"tp\":{Mql.F5(u.Tp)},\"profit\":{Mql.F2(u.Profit)},\"commission\":{Mql.F2(u.Commission)},\"swap\":{Mql.F2(u.Swap)},\"status\":\"{u.Status}\",\"source\":\"MT5\",\"close_reason\":\"{u.CloseReason}\"}}");
}
