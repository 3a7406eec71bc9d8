using Npgsql;
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
        // Raw Npgsql: the specs go as arrays in one upsert on the ingest batch's own transaction, no mapping layer.
        await using var upsert = new NpgsqlCommand("""
            INSERT INTO symbol_specs (broker, symbol, volume_min, volume_max, volume_step, stops_level, freeze_level, trade_mode, digits, point, contract_size)
            SELECT $1, * FROM unnest($2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
            ON CONFLICT (broker, symbol) DO UPDATE SET
                volume_min = EXCLUDED.volume_min, volume_max = EXCLUDED.volume_max, volume_step = EXCLUDED.volume_step,
                stops_level = EXCLUDED.stops_level, freeze_level = EXCLUDED.freeze_level, trade_mode = EXCLUDED.trade_mode,
                digits = EXCLUDED.digits, point = EXCLUDED.point,
                contract_size = coalesce(EXCLUDED.contract_size, symbol_specs.contract_size),
                updated_at = now()
            """, context.Connection, context.Transaction);
        upsert.Parameters
            .AddValue(context.Account.Broker)
            .AddValue(specs.Select(s => s.Symbol).ToArray())
            .AddValue(specs.Select(s => s.VolumeMin).ToArray())
            .AddValue(specs.Select(s => s.VolumeMax).ToArray())
            .AddValue(specs.Select(s => s.VolumeStep).ToArray())
            .AddValue(specs.Select(s => s.StopsLevel).ToArray())
            .AddValue(specs.Select(s => s.FreezeLevel).ToArray())
            .AddValue(specs.Select(s => (int)s.TradeMode).ToArray())
            .AddValue(specs.Select(s => s.Digits).ToArray())
            .AddValue(specs.Select(s => s.PointSize).ToArray())
            .AddValue(specs.Select(s => s.ContractSize).ToArray());
        await upsert.ExecuteNonQueryAsync();
        context.Effects = new { broker = context.Account.Broker, symbols = specs.Count };
    }
}
