using Microsoft.Extensions.Options;

namespace NgTradingBot.EaGateway.Ea;

/// <summary>Every EA route's reading rules, from the gateway's options; built once, read on every request.</summary>
public sealed class EaRoutes(IOptions<EaGatewayOptions> options)
{
    public EaRoute Connect { get; } = new("connect", options.Value.MaxBodyBytes, AllowRepair: true, Key: KeySource.None);

    public EaRoute Symbols { get; } = new("symbols", options.Value.MaxBodyBytes);

    public EaRoute SymbolSpecs { get; } = new("symbol_specs", options.Value.MaxBodyBytes);

    public EaRoute OhlcCoverage { get; } = new("ohlc_coverage", options.Value.MaxBodyBytes, Key: KeySource.None);

    public EaRoute OhlcHistorical { get; } = new("ohlc_historical", options.Value.MaxHistoryBodyBytes);

    public EaRoute Heartbeat { get; } = new("heartbeat", options.Value.MaxBodyBytes, WrongKeyStatus: StatusCodes.Status403Forbidden);

    public EaRoute GetCommands { get; } = new("get_commands", options.Value.MaxBodyBytes);

    public EaRoute CommandResponse { get; } = new("command_response", options.Value.MaxBodyBytes);

    public EaRoute ProfitUpdate { get; } = new("profit_update", options.Value.MaxBodyBytes);

    public EaRoute Transaction { get; } = new("transaction", options.Value.MaxBodyBytes, AllowRepair: true);

    public EaRoute Disconnect { get; } = new("disconnect", options.Value.MaxBodyBytes);

    public EaRoute Ticks { get; } = new("ticks", options.Value.MaxTickBodyBytes);

    public EaRoute TradeUpdate { get; } = new("trades_update", options.Value.MaxBodyBytes);

    public EaRoute TradesSync { get; } = new("trades_sync", options.Value.MaxBodyBytes);

    public EaRoute Log { get; } = new("log", options.Value.MaxBodyBytes, AllowRepair: true);
}
