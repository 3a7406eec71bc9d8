using Npgsql;
using NgTradingBot.EaProtocol.Requests;

namespace NgTradingBot.Core.Ingest.Writes;

/// <summary>
/// The latest balance, equity, margin and period figures per account from heartbeats, profit updates
/// and tick batches, merged in memory and written once per batch. A figure a message does not carry
/// (a profit update has no margin) keeps its stored value; a report older than the stored one changes nothing.
/// The same statement appends to the equity curve when a sample is due (see <see cref="MarketData.EquitySample"/>).
/// </summary>
public sealed class AccountStates(TimeSpan equitySampleInterval)
{
    private readonly SortedDictionary<long, State> _accounts = [];

    private sealed class State
    {
        public DateTime ReceivedAt;
        public long? BrokerTime;
        public decimal?[] Values = new decimal?[12];
    }

    /// <summary>Column order of <see cref="State.Values"/>.</summary>
    private static readonly string[] Columns =
    [
        "balance", "equity", "margin", "free_margin", "profit_today", "profit_week", "profit_month", "profit_year",
        "deposits_today", "deposits_week", "deposits_month", "deposits_year",
    ];

    public void Apply(long accountId, DateTimeOffset receivedAt, long? brokerTime, decimal? balance, decimal? equity, decimal? margin,
        decimal? freeMargin, PeriodAmounts? profit, PeriodAmounts? deposits)
    {
        decimal?[] values =
        [
            balance, equity, margin, freeMargin, profit?.Today, profit?.Week, profit?.Month, profit?.Year,
            deposits?.Today, deposits?.Week, deposits?.Month, deposits?.Year,
        ];
        var at = receivedAt.UtcDateTime;
        if (!_accounts.TryGetValue(accountId, out var state))
        {
            _accounts[accountId] = new State { ReceivedAt = at, BrokerTime = brokerTime, Values = values };
            return;
        }

        // Newer reports win field by field; an older one (out of order) only fills what is still unknown.
        var newer = at >= state.ReceivedAt;
        for (var i = 0; i < values.Length; i++)
        {
            if (values[i] is not null && (newer || state.Values[i] is null))
            {
                state.Values[i] = values[i];
            }
        }

        if (newer)
        {
            state.ReceivedAt = at;
            state.BrokerTime = brokerTime ?? state.BrokerTime;
        }
    }

    /// <summary>Adds the one UPDATE of the gathered figures to the batch's statements.</summary>
    public void AddTo(NpgsqlBatch batch)
    {
        if (_accounts.Count == 0)
        {
            return;
        }

        var rows = _accounts.ToList();
        var parameters = batch.AddCommand($"""
            WITH updated AS (
                UPDATE accounts a SET
                    {string.Join(", ", Columns.Select(c => $"{c} = coalesce(i.{c}, a.{c})"))},
                    state_broker_time = coalesce(i.broker_time, a.state_broker_time),
                    state_updated_at = i.received_at,
                    equity_sampled_at = CASE
                        WHEN a.equity_sampled_at IS NULL OR i.received_at >= a.equity_sampled_at + ${Columns.Length + 4}
                             OR i.balance <> a.balance THEN i.received_at
                        ELSE a.equity_sampled_at END,
                    updated_at = now()
                  FROM unnest($1, $2, $3, {string.Join(", ", Columns.Select((_, i) => $"${i + 4}"))})
                    AS i(account_id, received_at, broker_time, {string.Join(", ", Columns)})
                 WHERE a.id = i.account_id AND (a.state_updated_at IS NULL OR a.state_updated_at <= i.received_at)
                RETURNING a.id, a.equity_sampled_at = i.received_at AS sampled, i.received_at, a.balance, a.equity, a.margin, a.free_margin)
            INSERT INTO equity_samples (account_id, at, balance, equity, margin, free_margin, floating_profit)
            SELECT id, received_at, balance, equity, margin, free_margin, equity - balance FROM updated
             WHERE sampled AND equity IS NOT NULL
            ON CONFLICT DO NOTHING
            """)
            .AddValue(rows.Select(r => r.Key).ToArray())
            .AddValue(TimestampArrays.Of(rows.Select(r => r.Value.ReceivedAt)))
            .AddValue(rows.Select(r => r.Value.BrokerTime).ToArray());
        for (var i = 0; i < Columns.Length; i++)
        {
            var column = i;
            parameters.AddValue(rows.Select(r => r.Value.Values[column]).ToArray());
        }

        parameters.AddValue(equitySampleInterval);

        _accounts.Clear();
    }
}
