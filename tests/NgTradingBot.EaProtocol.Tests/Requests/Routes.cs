using NgTradingBot.EaProtocol.Requests;

namespace NgTradingBot.EaProtocol.Tests.Requests;

/// <summary>Every EA route's parser behind one name, so bad-input cases can be listed as data.</summary>
internal static class Routes
{
    private static readonly Dictionary<string, (string Body, Func<JsonElement, EaError?> Parse)> All = new()
    {
        ["connect"] = (EaBodies.Connect, e => ConnectRequest.Parse(e).Error),
        ["symbols"] = (EaBodies.Symbols, e => SymbolsRequest.Parse(e).Error),
        ["symbol_specs"] = (EaBodies.SymbolSpecs, e => SymbolSpecsRequest.Parse(e).Error),
        ["ohlc/coverage"] = (EaBodies.Coverage, e => OhlcCoverageRequest.Parse(e).Error),
        ["ohlc/historical"] = (EaBodies.Historical, e => OhlcHistoricalRequest.Parse(e).Error),
        ["heartbeat"] = (EaBodies.Heartbeat, e => HeartbeatRequest.Parse(e).Error),
        ["get_commands"] = (EaBodies.GetCommands, e => GetCommandsRequest.Parse(e).Error),
        ["command_response"] = (EaBodies.CommandResponse, e => CommandResponseRequest.Parse(e).Error),
        ["profit_update"] = (EaBodies.ProfitUpdate, e => ProfitUpdateRequest.Parse(e).Error),
        ["transaction"] = (EaBodies.Transaction, e => TransactionRequest.Parse(e).Error),
        ["ticks"] = (EaBodies.Ticks, e => TicksRequest.Parse(e).Error),
        ["trades/update"] = (EaBodies.TradeOpen, e => TradeUpdateRequest.Parse(e).Error),
        ["trades/update close"] = (EaBodies.TradeClose, e => TradeUpdateRequest.Parse(e).Error),
        ["log"] = (EaBodies.Log, e => LogRequest.Parse(e).Error),
        ["disconnect"] = (EaBodies.Disconnect, e => DisconnectRequest.Parse(e).Error),
        ["trades/sync"] = (EaBodies.TradesSync, e => TradesSyncRequest.Parse(e).Error),
    };

    public static IEnumerable<string> Names => All.Keys;

    public static string ExampleBody(string route) => All[route].Body;

    public static EaError? Parse(string route, string body) => All[route].Parse(EaBodies.Parse(body));
}
