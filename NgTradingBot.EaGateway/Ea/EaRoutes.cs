using Microsoft.Extensions.Options;

namespace NgTradingBot.EaGateway.Ea;

/// <summary>Every EA route's reading rules, from the gateway's options.</summary>
public sealed class EaRoutes(IOptions<EaGatewayOptions> options)
{
    private readonly EaGatewayOptions _options = options.Value;

    public EaRoute Connect => new("connect", _options.MaxBodyBytes, AllowRepair: true, Key: KeySource.None);

    public EaRoute Symbols => Standard("symbols");

    public EaRoute SymbolSpecs => Standard("symbol_specs");

    public EaRoute OhlcCoverage => new("ohlc_coverage", _options.MaxBodyBytes, Key: KeySource.None);

    public EaRoute OhlcHistorical => new("ohlc_historical", _options.MaxHistoryBodyBytes);

    public EaRoute Heartbeat => new("heartbeat", _options.MaxBodyBytes, WrongKeyStatus: StatusCodes.Status403Forbidden);

    public EaRoute GetCommands => Standard("get_commands");

    public EaRoute CommandResponse => Standard("command_response");

    public EaRoute ProfitUpdate => Standard("profit_update");

    public EaRoute Transaction => new("transaction", _options.MaxBodyBytes, AllowRepair: true);

    public EaRoute Disconnect => Standard("disconnect");

    public EaRoute Ticks => new("ticks", _options.MaxTickBodyBytes);

    public EaRoute TradeUpdate => Standard("trades_update");

    public EaRoute TradesSync => Standard("trades_sync");

    public EaRoute Log => new("log", _options.MaxBodyBytes, AllowRepair: true);

    private EaRoute Standard(string name) => new(name, _options.MaxBodyBytes);
}
