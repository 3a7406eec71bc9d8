namespace NgTradingBot.EaSimulator;

/// <summary>The paths the EA posts to (contract section 6).</summary>
public static class EaRoutes
{
    public const string Connect = "/api/connect";
    public const string Symbols = "/api/symbols";
    public const string SymbolSpecs = "/api/symbol_specs";
    public const string Coverage = "/api/ohlc/coverage";
    public const string Historical = "/api/ohlc/historical";
    public const string Heartbeat = "/api/heartbeat";
    public const string GetCommands = "/api/get_commands";
    public const string CommandResponse = "/api/command_response";
    public const string ProfitUpdate = "/api/profit_update";
    public const string Transaction = "/api/transaction";
    public const string Ticks = "/api/ticks";
    public const string TradeUpdate = "/api/trades/update";
    public const string Log = "/api/log";
}
