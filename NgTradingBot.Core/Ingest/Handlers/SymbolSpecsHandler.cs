using Dapper;
using NgTradingBot.EaProtocol.Requests;
using NgTradingBot.Handoff;

namespace NgTradingBot.Core.Ingest.Handlers;

/// <summary>
/// Contract specifications, per broker. The single-symbol variant the EA sends for a symbol added later
/// has no contract_size: the stored one is kept rather than overwritten with NULL (the legacy server's bug).
/// </summary>
public sealed class SymbolSpecsHandler : IIngestHandler
{
    public string Kind => IngestKinds.SymbolSpecs;

    public async Task HandleAsync(IngestContext context)
    {
        var request = context.Parse(SymbolSpecsRequest.Parse);
        context.RequireAccount(request.Account);
        // One row per symbol: a statement cannot update the same row twice.
        var specs = request.Symbols.GroupBy(s => s.Symbol, StringComparer.Ordinal).Select(g => g.Last()).ToList();
        await context.Connection.ExecuteAsync("""
            INSERT INTO symbol_specs (broker, symbol, volume_min, volume_max, volume_step, stops_level, freeze_level, trade_mode, digits, point, contract_size)
            SELECT @broker, * FROM unnest(@symbols, @volumeMin, @volumeMax, @volumeStep, @stopsLevel, @freezeLevel, @tradeMode, @digits, @point, @contractSize)
            ON CONFLICT (broker, symbol) DO UPDATE SET
                volume_min = EXCLUDED.volume_min, volume_max = EXCLUDED.volume_max, volume_step = EXCLUDED.volume_step,
                stops_level = EXCLUDED.stops_level, freeze_level = EXCLUDED.freeze_level, trade_mode = EXCLUDED.trade_mode,
                digits = EXCLUDED.digits, point = EXCLUDED.point,
                contract_size = coalesce(EXCLUDED.contract_size, symbol_specs.contract_size),
                updated_at = now()
            """, new
        {
            broker = context.Account.Broker,
            symbols = specs.Select(s => s.Symbol).ToArray(),
            volumeMin = specs.Select(s => s.VolumeMin).ToArray(),
            volumeMax = specs.Select(s => s.VolumeMax).ToArray(),
            volumeStep = specs.Select(s => s.VolumeStep).ToArray(),
            stopsLevel = specs.Select(s => s.StopsLevel).ToArray(),
            freezeLevel = specs.Select(s => s.FreezeLevel).ToArray(),
            tradeMode = specs.Select(s => (int)s.TradeMode).ToArray(),
            digits = specs.Select(s => s.Digits).ToArray(),
            point = specs.Select(s => s.PointSize).ToArray(),
            contractSize = specs.Select(s => s.ContractSize).ToArray(),
        }, context.Transaction);
        context.Effects = new { broker = context.Account.Broker, symbols = specs.Count };
    }
}
