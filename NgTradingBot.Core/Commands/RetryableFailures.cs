using System.Text.Json;
using NgTradingBot.EaProtocol.Responses;

namespace NgTradingBot.Core.Commands;

/// <summary>
/// The EA's failed answers after which sending the command again provably executes nothing twice (contract section 7),
/// per command type; every other failure is final. The deployed EA has no duplicate detection, so the rule is: retry
/// only what failed before anything was sent to the trade server, or what the trade server refused outright with a
/// transient reason (no quotes, market closed, requote, too many requests). Never retried: client errors (they fail
/// again the same way), "All filling modes failed" (a filling mode answered 10008 PLACED or 10010 partial fill lets
/// the EA try the next one, so an order may exist), "Broker rejected SL/TP", and timeouts or lost connections to the
/// trade server (10012, 10031: the request may have executed).
/// </summary>
public static class RetryableFailures
{
    /// <summary>Whether a repeat is safe, and why (stored with the transition).</summary>
    public sealed record Verdict(bool Retryable, string Reason);

    /// <summary>Trade-server refusals after which nothing was executed and a moment later the same request may pass.</summary>
    public static readonly IReadOnlyDictionary<int, string> TransientRetcodes = new Dictionary<int, string>
    {
        [10004] = "requote",
        [10018] = "market closed",
        [10020] = "prices changed",
        [10021] = "no quotes to process the request",
        [10024] = "too frequent requests",
    };

    public const string NoTick = "Failed to get tick data";
    public const string OrderSendFailed = "OrderSend failed";
    public const string ModifyFailed = "Modify failed";
    public const string CloseFailed = "Close failed";
    public const string HistoryUploadFailed = "Failed to send historical data to server";
    public const string CopyRatesFailedPrefix = "Failed to copy rates for ";

    public static Verdict Judge(string type, JsonElement response)
    {
        var error = Text(response, "error");
        if (error is null)
        {
            return new Verdict(false, "the failed answer carries no error text");
        }

        return type switch
        {
            CommandTypes.OpenTrade when error == NoTick =>
                new Verdict(true, "SymbolInfoTick failed before any order was sent"),
            CommandTypes.OpenTrade or CommandTypes.ModifyTrade or CommandTypes.CloseTrade when error == OrderSendFailed =>
                Refused(Number(response, "error_code"), "OrderSend"),
            CommandTypes.ModifyTrade when error == ModifyFailed => Refused(Number(response, "retcode"), "the stops change"),
            CommandTypes.CloseTrade when error == CloseFailed => Refused(Number(response, "retcode"), "the close"),
            CommandTypes.RequestHistoricalData when error == HistoryUploadFailed =>
                new Verdict(true, "the bars did not reach the server; bars are stored once per symbol, timeframe and time"),
            CommandTypes.RequestHistoricalData when error.StartsWith(CopyRatesFailedPrefix, StringComparison.Ordinal) =>
                new Verdict(true, "CopyRates found no bars yet (the terminal may still be loading history); nothing was sent"),
            _ => new Verdict(false, $"\"{error}\" is not a failure that provably executed nothing"),
        };
    }

    private static Verdict Refused(int? code, string what) => code is { } value && TransientRetcodes.TryGetValue(value, out var name)
        ? new Verdict(true, $"the trade server refused {what} ({value}, {name}); nothing was executed")
        : new Verdict(false, $"code {(code?.ToString() ?? "none")} is not a transient refusal; the request may have executed or will fail again");

    private static string? Text(JsonElement response, string name) =>
        response.ValueKind == JsonValueKind.Object && response.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;

    private static int? Number(JsonElement response, string name) =>
        response.ValueKind == JsonValueKind.Object && response.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number
            && value.TryGetInt32(out var number)
            ? number
            : null;
}
