namespace NgTradingBot.EaSimulator;

/// <summary>
/// The raw <c>response</c> objects the EA puts into <c>/api/command_response</c> (contract 7.7), built the EA's
/// way: formatted strings, error texts inserted without escaping.
/// </summary>
public static class EaCommandResponses
{
    public const string Completed = "completed";
    public const string Failed = "failed";

    public static string Error(string error) => $"{{\"error\":\"{error}\"}}";

    public static string Error(string error, int errorCode) => string.Create(Mql.Invariant, $"{{\"error\":\"{error}\",\"error_code\":{errorCode}}}");

    public static string OrderSendFailed(int errorCode) =>
        string.Create(Mql.Invariant, $"{{\"error\":\"OrderSend failed\",\"error_code\":{errorCode},\"error_desc\":\"{TradeCodes.ErrorDescription(errorCode)}\"}}");

    public static string BrokerRejectedStops(uint retcode, double sl, double tp) =>
        string.Create(Mql.Invariant, $"{{\"error\":\"Broker rejected SL/TP\",\"error_code\":{retcode},\"error_desc\":\"{TradeCodes.RetcodeDescription(retcode)}\",\"sl\":{Mql.F5(sl)},\"tp\":{Mql.F5(tp)}}}");

    public static string Retcode(string error, uint retcode) => string.Create(Mql.Invariant, $"{{\"error\":\"{error}\",\"retcode\":{retcode}}}");

    public static string OpenCompleted(ulong ticket, double price, double volume, double sl, double tp, bool tpslVerified) =>
        string.Create(Mql.Invariant, $"{{\"ticket\":{ticket},\"price\":{Mql.F5(price)},\"volume\":{Mql.F2(volume)},\"sl\":{Mql.F5(sl)},\"tp\":{Mql.F5(tp)},\"tpsl_verified\":{Mql.Bool(tpslVerified)}}}");

    public static string ModifyCompleted(ulong ticket, double sl, double tp) =>
        string.Create(Mql.Invariant, $"{{\"ticket\":{ticket},\"sl\":{Mql.F5(sl)},\"tp\":{Mql.F5(tp)}}}");

    public static string CloseCompleted(ulong ticket, double closePrice) =>
        string.Create(Mql.Invariant, $"{{\"ticket\":{ticket},\"close_price\":{Mql.F5(closePrice)}}}");

    public static string HistoryCompleted(string symbol, string timeframe, int barsSent) =>
        string.Create(Mql.Invariant, $"{{\"symbol\":\"{symbol}\",\"timeframe\":\"{timeframe}\",\"bars_sent\":{barsSent}}}");

    public static string HistoryCopyFailed(string symbol, string timeframe, int barsCopied) =>
        string.Create(Mql.Invariant, $"{{\"error\":\"Failed to copy rates for {symbol} {timeframe}\",\"bars_copied\":{barsCopied}}}");
}
