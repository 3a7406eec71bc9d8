using NgTradingBot.EaProtocol.Domain;
using NgTradingBot.EaProtocol.Requests;

namespace NgTradingBot.EaProtocol.Tests.Requests;

public class ValidRequestTests
{
    public static TheoryData<string> RouteNames => [.. Routes.Names];

    [Theory]
    [MemberData(nameof(RouteNames))]
    public void AcceptsTheContractExample(string route)
    {
        Assert.Null(Routes.Parse(route, Routes.ExampleBody(route)));
    }

    [Fact]
    public void ConnectReadsSymbolsAndAllowsOnlyAccount()
    {
        var full = ConnectRequest.Parse(EaBodies.Parse(EaBodies.Connect));
        var minimal = ConnectRequest.Parse(EaBodies.Parse("""{"account":42}"""));

        Assert.True(full.IsSuccess);
        Assert.Equal(["EURUSD", "GBPUSD", "XAUUSD", "BTCUSD"], full.Value.AvailableSymbols);
        Assert.Equal("Example Markets Ltd", full.Value.Broker);
        Assert.True(minimal.IsSuccess);
        Assert.Equal(42, minimal.Value.Account);
        Assert.Empty(minimal.Value.AvailableSymbols);
    }

    [Fact]
    public void SymbolSpecsKeepsPointSizeAndMissingContractSize()
    {
        var body = EaBodies.With(EaBodies.SymbolSpecs, "symbols[0].contract_size", null);

        var result = SymbolSpecsRequest.Parse(EaBodies.Parse(body));

        Assert.True(result.IsSuccess);
        var spec = Assert.Single(result.Value.Symbols);
        Assert.Equal(0.00001m, spec.PointSize);
        Assert.Null(spec.ContractSize);
        Assert.Equal(SymbolTradeMode.Full, spec.TradeMode);
    }

    [Fact]
    public void SymbolSpecsAcceptsZeroVolumeStepOfSubCentSymbols()
    {
        var body = EaBodies.With(EaBodies.SymbolSpecs, "symbols[0].volume_step", "0.00");

        Assert.True(SymbolSpecsRequest.Parse(EaBodies.Parse(body)).IsSuccess);
    }

    [Fact]
    public void HistoricalReadsCandlesAsDecimalsAndTickVolume()
    {
        var result = OhlcHistoricalRequest.Parse(EaBodies.Parse(EaBodies.Historical));

        Assert.True(result.IsSuccess);
        Assert.Equal(Timeframe.H1, result.Value.Timeframe);
        Assert.Equal(new Candle(1730102400, 1.08012m, 1.08100m, 1.07950m, 1.08055m, 1534), result.Value.Candles[0]);
    }

    [Fact]
    public void HeartbeatReadsAllFifteenFields()
    {
        var result = HeartbeatRequest.Parse(EaBodies.Parse(EaBodies.Heartbeat));

        Assert.True(result.IsSuccess);
        Assert.Equal(new AccountSnapshot(10000.00m, 10012.34m, 120.50m, 9891.84m), result.Value.Snapshot);
        Assert.Equal(new PeriodAmounts(12.50m, 40.10m, -5.20m, 120.00m), result.Value.Profit);
        Assert.Equal(new PeriodAmounts(0m, 0m, 1000m, 10000m), result.Value.Deposits);
    }

    [Fact]
    public void CommandResponseExposesTicketAndOutlivesTheBody()
    {
        CommandResponseRequest request;
        using (var document = JsonDocument.Parse(EaBodies.CommandResponse))
        {
            request = CommandResponseRequest.Parse(document.RootElement).Value!;
        }

        Assert.Equal("auto_1a2b3c4d", request.CommandId);
        Assert.Equal(CommandResultStatus.Completed, request.Status);
        Assert.Equal(123456789, request.Ticket);
        Assert.True(request.Response.GetProperty("tpsl_verified").GetBoolean());
    }

    [Fact]
    public void CommandResponseAcceptsFailedWithErrorAndEmptyId()
    {
        var body = """{"account":1,"api_key":"K","command_id":"","status":"failed","response":{"error":"Invalid SL: 1.1 >= Price: 1.0 (BUY)","error_code":130}}""";

        var result = CommandResponseRequest.Parse(EaBodies.Parse(body));

        Assert.True(result.IsSuccess);
        Assert.Equal("", result.Value.CommandId);
        Assert.Equal(CommandResultStatus.Failed, result.Value.Status);
        Assert.Equal("Invalid SL: 1.1 >= Price: 1.0 (BUY)", result.Value.ErrorText);
        Assert.Null(result.Value.Ticket);
    }

    [Fact]
    public void TransactionAcceptsZeroAmount()
    {
        var body = EaBodies.With(EaBodies.Transaction, "amount", "0.00");

        var result = TransactionRequest.Parse(EaBodies.Parse(body));

        Assert.True(result.IsSuccess);
        Assert.Equal(0m, result.Value.Amount);
        Assert.Equal(TransactionType.Balance, result.Value.Type);
    }

    [Fact]
    public void TransactionReadsUnderscoredTypes()
    {
        var body = EaBodies.With(EaBodies.Transaction, "transaction_type", "\"COMMISSION_DAILY\"");

        Assert.Equal(TransactionType.CommissionDaily, TransactionRequest.Parse(EaBodies.Parse(body)).Value!.Type);
    }

    [Fact]
    public void TicksReadsQuotesPositionsAndSnapshot()
    {
        var result = TicksRequest.Parse(EaBodies.Parse(EaBodies.Ticks));

        Assert.True(result.IsSuccess);
        Assert.Equal(2, result.Value.Ticks.Count);
        Assert.Equal(new Tick("BTCUSD", 68950.12m, 68975.40m, 25.28m, 0, 1730709012, -3600, true), result.Value.Ticks[1]);
        Assert.Equal(new PositionSnapshot(123456789, -1.20m, 0m), Assert.Single(result.Value.Positions));
        Assert.Empty(result.Value.Rejected);
    }

    [Fact]
    public void TradeUpdateAcceptsZeroClosePriceWhileOpenAndZeroStopsOnClose()
    {
        var open = TradeUpdateRequest.Parse(EaBodies.Parse(EaBodies.TradeOpen));
        var close = TradeUpdateRequest.Parse(EaBodies.Parse(EaBodies.TradeClose));

        Assert.True(open.IsSuccess);
        Assert.Equal(0m, open.Value.ClosePrice);
        Assert.Equal(TradeStatus.Open, open.Value.Status);
        Assert.True(close.IsSuccess);
        Assert.Equal(0m, close.Value.StopLoss);
        Assert.Equal(0m, close.Value.TakeProfit);
        Assert.Equal("TP_HIT", close.Value.CloseReason);
    }

    [Theory]
    [InlineData("\"sell\"", TradeDirection.Sell)]
    [InlineData("\"Buy\"", TradeDirection.Buy)]
    public void DirectionIsCaseInsensitive(string raw, TradeDirection expected)
    {
        var body = EaBodies.With(EaBodies.TradeOpen, "direction", raw);

        Assert.Equal(expected, TradeUpdateRequest.Parse(EaBodies.Parse(body)).Value!.Direction);
    }

    [Theory]
    [InlineData("\"warning\"", EaLogLevel.Warning)]
    [InlineData("\"Error\"", EaLogLevel.Error)]
    [InlineData("\"INFO\"", EaLogLevel.Info)]
    public void LogLevelToleratesLowerCase(string raw, EaLogLevel expected)
    {
        var body = EaBodies.With(EaBodies.Log, "level", raw);

        Assert.Equal(expected, LogRequest.Parse(EaBodies.Parse(body)).Value!.Level);
    }

    [Fact]
    public void LogRecognisesTheShutdownSignalAndOptionalDetails()
    {
        var body = """{"account":1,"api_key":"K","level":"INFO","message":"EA disconnecting"}""";

        var result = LogRequest.Parse(EaBodies.Parse(body));

        Assert.True(result.IsSuccess);
        Assert.True(result.Value.IsDisconnecting);
        Assert.Null(result.Value.Info);
    }

    [Fact]
    public void TradesSyncAcceptsAnEmptyListButFlagsIt()
    {
        var result = TradesSyncRequest.Parse(EaBodies.Parse("""{"account":1,"api_key":"K","trades":[]}"""));

        Assert.True(result.IsSuccess);
        Assert.True(result.Value.IsEmpty);
    }

    [Fact]
    public void LargeTicketsAndLoginsAreReadAs64Bit()
    {
        var body = EaBodies.With(EaBodies.With(EaBodies.TradeOpen, "ticket", "9007199254740993"), "account", "5000000000");

        var result = TradeUpdateRequest.Parse(EaBodies.Parse(body));

        Assert.Equal(9007199254740993, result.Value!.Ticket);
        Assert.Equal(5000000000, result.Value.Account);
    }
}
