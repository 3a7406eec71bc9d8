using System.Text.Json;

namespace NgTradingBot.EaProtocol.Requests;

/// <summary>
/// POST /api/ticks and /api/ticks/batch: buffered quotes plus an account snapshot.
/// </summary>
/// <remarks>
/// The EA clears its tick buffer only on HTTP 200 and re-sends everything otherwise, with no cap. A
/// single bad tick failing the whole request would therefore poison the EA for good, so bad ticks and
/// bad position rows are dropped and listed in <see cref="Rejected"/> while the rest is accepted. Only an
/// unreadable envelope (account, empty or missing tick array, account figures) fails the request.
/// </remarks>
public sealed record TicksRequest(
    long Account,
    IReadOnlyList<Tick> Ticks,
    IReadOnlyList<PositionSnapshot> Positions,
    AccountSnapshot Snapshot,
    PeriodAmounts Profit,
    IReadOnlyList<RejectedItem> Rejected)
{
    /// <summary>
    /// The batch carried a <c>positions</c> array and every row of it was read: then it is the account's complete
    /// list of open positions, which reconciliation may close missing tickets against.
    /// </summary>
    public bool PositionsComplete { get; init; }

    public const string NoTicksProvided = "No ticks provided";

    public static EaParseResult<TicksRequest> Parse(JsonElement body)
    {
        var reader = new FieldReader(body);
        var account = reader.Account();
        var rejected = new List<RejectedItem>();
        var ticks = ReadEach(reader, reader.Array("ticks", NoTicksProvided), "ticks", Tick.Read, rejected);
        var rejectedTicks = rejected.Count;
        var positions = ReadEach(reader, reader.OptionalArray("positions"), "positions", PositionSnapshot.Read, rejected);
        var complete = body.ValueKind == JsonValueKind.Object && body.TryGetProperty("positions", out var list)
            && list.ValueKind == JsonValueKind.Array && rejected.Count == rejectedTicks;
        var snapshot = AccountSnapshot.Read(reader);
        var profit = PeriodAmounts.Read(reader, "profit_");
        return reader.Result(new TicksRequest(account, ticks, positions, snapshot, profit, rejected) { PositionsComplete = complete });
    }

    private static List<T> ReadEach<T>(
        FieldReader reader,
        IReadOnlyList<JsonElement> items,
        string arrayName,
        Func<FieldReader, T> read,
        List<RejectedItem> rejected)
    {
        var accepted = new List<T>(items.Count);
        for (var i = 0; i < items.Count && reader.Error is null; i++)
        {
            var item = reader.Item(arrayName, i, items[i]);
            var value = read(item);
            if (item.Error is null)
            {
                accepted.Add(value);
            }
            else
            {
                rejected.Add(new RejectedItem(i, item.Error));
            }
        }

        return accepted;
    }
}
