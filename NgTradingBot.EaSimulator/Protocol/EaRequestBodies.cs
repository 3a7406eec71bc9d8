using System.Text;

namespace NgTradingBot.EaSimulator;

/// <summary>
/// Every request body exactly as ServerConnector.mq5 builds it: string formatting with no JSON escaping, fixed
/// decimals (%.5f prices, %.2f money and volumes, %.10f point size), invariant culture, contract field order.
/// Encode with <see cref="EaEncoding.ToWire"/> to get the bytes the EA sends.
/// </summary>
public static partial class EaRequestBodies
{
    /// <summary><c>/api/connect</c>: no key at all; <paramref name="broker"/> goes in raw, quotes and all.</summary>
    public static string Connect(long account, string broker, long timestamp, IEnumerable<string> availableSymbols) =>
        Invariant($"{{\"account\":{account},\"broker\":\"{broker}\",\"platform\":\"MT5\",\"timestamp\":{timestamp},\"available_symbols\":{QuotedArray(availableSymbols)}}}");

    /// <summary><c>/api/symbols</c> and <c>/api/get_commands</c> share this body.</summary>
    public static string AccountAndKey(long account, string apiKey) =>
        Invariant($"{{\"account\":{account},\"api_key\":\"{apiKey}\"}}");

    /// <summary>
    /// <c>/api/symbol_specs</c>. Variant (a), at OnInit, has <c>contract_size</c>; variant (b), for a symbol
    /// added by a heartbeat, leaves it out.
    /// </summary>
    public static string SymbolSpecs(long account, string apiKey, IEnumerable<SymbolSpec> specs, bool includeContractSize)
    {
        var sb = new StringBuilder();
        sb.Append(Mql.Invariant, $"{{\"account\":{account},\"api_key\":\"{apiKey}\",\"symbols\":[");
        var first = true;
        foreach (var s in specs)
        {
            sb.Append(first ? "" : ",");
            first = false;
            sb.Append(Mql.Invariant, $"{{\"symbol\":\"{s.Symbol}\",\"volume_min\":{Mql.F2(s.VolumeMin)},\"volume_max\":{Mql.F2(s.VolumeMax)},\"volume_step\":{Mql.F2(s.VolumeStep)},\"stops_level\":{s.StopsLevel},\"freeze_level\":{s.FreezeLevel},\"trade_mode\":{s.TradeMode},\"digits\":{s.Digits},\"point_value\":{Mql.F10(s.Point)}");
            sb.Append(includeContractSize ? $",\"contract_size\":{Mql.F2(s.ContractSize)}}}" : "}");
        }
        return sb.Append("]}").ToString();
    }

    /// <summary><c>/api/ohlc/coverage</c>: no account and no key in the body (the key is only in the header).</summary>
    public static string Coverage(string symbol, string timeframe, int requiredBars) =>
        Invariant($"{{\"symbol\":\"{symbol}\",\"timeframe\":\"{timeframe}\",\"required_bars\":{requiredBars}}}");

    /// <summary><c>/api/ohlc/historical</c>: candles in the order given; no key in the body.</summary>
    public static string Historical(long account, string symbol, string timeframe, IEnumerable<Bar> candles)
    {
        var sb = new StringBuilder();
        sb.Append(Mql.Invariant, $"{{\"account\":{account},\"symbol\":\"{symbol}\",\"timeframe\":\"{timeframe}\",\"candles\":[");
        var first = true;
        foreach (var c in candles)
        {
            sb.Append(first ? "" : ",");
            first = false;
            sb.Append(Mql.Invariant, $"{{\"timestamp\":{c.Time},\"open\":{Mql.F5(c.Open)},\"high\":{Mql.F5(c.High)},\"low\":{Mql.F5(c.Low)},\"close\":{Mql.F5(c.Close)},\"volume\":{c.TickVolume}}}");
        }
        return sb.Append("]}").ToString();
    }

    /// <summary><c>/api/heartbeat</c>: 15 fields in this order.</summary>
    public static string Heartbeat(long account, string apiKey, long timestamp, AccountSnapshot a, ProfitWindows p) =>
        Invariant($"{{\"account\":{account},\"api_key\":\"{apiKey}\",\"timestamp\":{timestamp},\"balance\":{Mql.F2(a.Balance)},\"equity\":{Mql.F2(a.Equity)},\"margin\":{Mql.F2(a.Margin)},\"free_margin\":{Mql.F2(a.FreeMargin)},\"profit_today\":{Mql.F2(p.ProfitToday)},\"profit_week\":{Mql.F2(p.ProfitWeek)},\"profit_month\":{Mql.F2(p.ProfitMonth)},\"profit_year\":{Mql.F2(p.ProfitYear)},\"deposits_today\":{Mql.F2(p.DepositsToday)},\"deposits_week\":{Mql.F2(p.DepositsWeek)},\"deposits_month\":{Mql.F2(p.DepositsMonth)},\"deposits_year\":{Mql.F2(p.DepositsYear)}}}");

    /// <summary><c>/api/command_response</c>; <paramref name="responseJson"/> is inserted raw (see <see cref="EaCommandResponses"/>).</summary>
    public static string CommandResponse(long account, string apiKey, string commandId, string status, string responseJson) =>
        Invariant($"{{\"account\":{account},\"api_key\":\"{apiKey}\",\"command_id\":\"{commandId}\",\"status\":\"{status}\",\"response\":{responseJson}}}");

    /// <summary><c>/api/profit_update</c>.</summary>
    public static string ProfitUpdate(long account, string apiKey, AccountSnapshot a, ProfitWindows p) =>
        Invariant($"{{\"account\":{account},\"api_key\":\"{apiKey}\",\"balance\":{Mql.F2(a.Balance)},\"equity\":{Mql.F2(a.Equity)},\"profit_today\":{Mql.F2(p.ProfitToday)},\"profit_week\":{Mql.F2(p.ProfitWeek)},\"profit_month\":{Mql.F2(p.ProfitMonth)},\"profit_year\":{Mql.F2(p.ProfitYear)}}}");

    /// <summary>
    /// <c>/api/transaction</c>: <paramref name="comment"/> goes in raw; <paramref name="balance"/> is the current
    /// account balance, not the balance after the deal.
    /// </summary>
    public static string Transaction(long account, string apiKey, ulong ticket, string transactionType, double amount, long timestamp, string comment, double balance) =>
        Invariant($"{{\"account\":{account},\"api_key\":\"{apiKey}\",\"ticket\":{ticket},\"transaction_type\":\"{transactionType}\",\"amount\":{Mql.F2(amount)},\"timestamp\":{timestamp},\"comment\":\"{comment}\",\"balance\":{Mql.F2(balance)}}}");

    /// <summary><c>/api/log</c>: message and details go in raw.</summary>
    public static string Log(long account, string apiKey, string level, string message, string details) =>
        Invariant($"{{\"account\":{account},\"api_key\":\"{apiKey}\",\"level\":\"{level}\",\"message\":\"{message}\",\"details\":{{\"info\":\"{details}\"}}}}");

    private static string Invariant(FormattableString text) => text.ToString(Mql.Invariant);

    private static string QuotedArray(IEnumerable<string> values) => "[" + string.Join(",", values.Select(v => "\"" + v + "\"")) + "]";
}
