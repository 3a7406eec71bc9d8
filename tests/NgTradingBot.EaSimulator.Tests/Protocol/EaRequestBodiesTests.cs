namespace NgTradingBot.EaSimulator.Tests.Protocol;

/// <summary>The contract's own examples, rebuilt byte for byte.</summary>
public class EaRequestBodiesTests
{
    private static readonly AccountSnapshot Account = new(10000.00, 10012.34, 120.50, 9891.84);
    private static readonly ProfitWindows Profits = new(12.50, 40.10, -5.20, 120.00, 0, 0, 1000.00, 10000.00);

    [Fact]
    public void BuildsTheConnectExample()
    {
        Assert.Equal(
            """{"account":12345678,"broker":"Example Markets Ltd","platform":"MT5","timestamp":1730709000,"available_symbols":["EURUSD","GBPUSD","XAUUSD","BTCUSD"]}""",
            EaRequestBodies.Connect(12345678, "Example Markets Ltd", 1730709000, ["EURUSD", "GBPUSD", "XAUUSD", "BTCUSD"]));
    }

    [Fact]
    public void KeepsQuotesAndBackslashesInTheBrokerNameRaw()
    {
        var body = EaRequestBodies.Connect(1, "Bad \"Quotes\" \\ Ltd", 0, []);
        Assert.Contains("\"broker\":\"Bad \"Quotes\" \\ Ltd\"", body, StringComparison.Ordinal);
    }

    [Fact]
    public void EncodesNonAsciiAsSingleWindows1252Bytes()
    {
        var bytes = EaEncoding.ToWire(EaRequestBodies.Connect(1, "Société Générale", 0, []));
        Assert.Contains((byte)0xE9, bytes);
        Assert.DoesNotContain((byte)0xC3, bytes);
        Assert.Equal(EaRequestBodies.Connect(1, "Société Générale", 0, []).Length, bytes.Length);
    }

    [Fact]
    public void BuildsTheSymbolSpecsExampleWithContractSizeOnlyInVariantA()
    {
        var spec = SymbolCatalog.DefaultFor("EURUSD");
        Assert.Equal(
            """{"account":12345678,"api_key":"K","symbols":[{"symbol":"EURUSD","volume_min":0.01,"volume_max":100.00,"volume_step":0.01,"stops_level":0,"freeze_level":0,"trade_mode":4,"digits":5,"point_value":0.0000100000,"contract_size":100000.00}]}""",
            EaRequestBodies.SymbolSpecs(12345678, "K", [spec], includeContractSize: true));
        Assert.DoesNotContain("contract_size", EaRequestBodies.SymbolSpecs(12345678, "K", [spec], includeContractSize: false), StringComparison.Ordinal);
    }

    [Fact]
    public void WritesAVolumeStepBelowOneHundredthAsZero()
    {
        var spec = SymbolCatalog.DefaultFor("BTCUSD") with { VolumeStep = 0.001 };
        Assert.Contains("\"volume_step\":0.00,", EaRequestBodies.SymbolSpecs(1, "K", [spec], true), StringComparison.Ordinal);
    }

    [Fact]
    public void BuildsTheCoverageBodyWithoutAccountOrKey()
    {
        Assert.Equal("""{"symbol":"EURUSD","timeframe":"H1","required_bars":168}""", EaRequestBodies.Coverage("EURUSD", "H1", 168));
    }

    [Fact]
    public void BuildsTheHistoricalExample()
    {
        Bar[] candles = [new(1730102400, 1.08012, 1.081, 1.0795, 1.08055, 1534), new(1730106000, 1.08055, 1.0809, 1.08001, 1.0804, 1210)];
        Assert.Equal(
            """{"account":12345678,"symbol":"EURUSD","timeframe":"H1","candles":[{"timestamp":1730102400,"open":1.08012,"high":1.08100,"low":1.07950,"close":1.08055,"volume":1534},{"timestamp":1730106000,"open":1.08055,"high":1.08090,"low":1.08001,"close":1.08040,"volume":1210}]}""",
            EaRequestBodies.Historical(12345678, "EURUSD", "H1", candles));
    }

    [Fact]
    public void BuildsTheHeartbeatExample()
    {
        Assert.Equal(
            """{"account":12345678,"api_key":"K","timestamp":1730709002,"balance":10000.00,"equity":10012.34,"margin":120.50,"free_margin":9891.84,"profit_today":12.50,"profit_week":40.10,"profit_month":-5.20,"profit_year":120.00,"deposits_today":0.00,"deposits_week":0.00,"deposits_month":1000.00,"deposits_year":10000.00}""",
            EaRequestBodies.Heartbeat(12345678, "K", 1730709002, Account, Profits));
    }

    [Fact]
    public void BuildsTheTicksExample()
    {
        TickSample[] ticks = [new("EURUSD", 1.08112, 1.08120, 0, 1730709012, -3600, false), new("BTCUSD", 68950.12, 68975.40, 0, 1730709012, -3600, true)];
        Assert.Equal(
            """{"account":12345678,"api_key":"K","ticks":[{"symbol":"EURUSD","bid":1.08112,"ask":1.08120,"spread":0.00008,"volume":0,"timestamp":1730709012,"tz_offset":-3600,"tradeable":false},{"symbol":"BTCUSD","bid":68950.12000,"ask":68975.40000,"spread":25.28000,"volume":0,"timestamp":1730709012,"tz_offset":-3600,"tradeable":true}],"positions":[{"ticket":123456789,"profit":-1.20,"swap":0.00}],"balance":10000.00,"equity":10012.34,"margin":120.50,"free_margin":9891.84,"profit_today":12.50,"profit_week":40.10,"profit_month":-5.20,"profit_year":120.00}""",
            EaRequestBodies.Ticks(12345678, "K", ticks, [new PositionProfit(123456789, -1.2, 0)], Account, Profits));
    }

    [Fact]
    public void BuildsTheTradeUpdateExamples()
    {
        Assert.Equal(
            """{"account":12345678,"api_key":"K","ticket":123456789,"symbol":"EURUSD","direction":"BUY","volume":0.10,"open_price":1.08123,"open_time":1730709010,"close_price":0.00000,"close_time":0,"sl":1.07950,"tp":1.08550,"profit":-0.80,"commission":-0.35,"swap":0.00,"status":"open","source":"MT5","close_reason":""}""",
            EaRequestBodies.TradeUpdate(12345678, "K", new TradeUpdate(123456789, "EURUSD", "BUY", 0.1, 1.08123, 1730709010, 0, 0, 1.0795, 1.0855, -0.8, -0.35, 0, "open", "")));
        Assert.Equal(
            """{"account":12345678,"api_key":"K","ticket":123456789,"symbol":"EURUSD","direction":"BUY","volume":0.10,"open_price":1.08123,"open_time":1730709010,"close_price":1.08550,"close_time":1730715000,"sl":0.00000,"tp":0.00000,"profit":42.70,"commission":-0.35,"swap":0.00,"status":"closed","source":"MT5","close_reason":"TP_HIT"}""",
            EaRequestBodies.TradeUpdate(12345678, "K", new TradeUpdate(123456789, "EURUSD", "BUY", 0.1, 1.08123, 1730709010, 1.0855, 1730715000, 0, 0, 42.7, -0.35, 0, "closed", "TP_HIT")));
    }

    [Fact]
    public void BuildsTheTransactionExampleWithTheCommentRaw()
    {
        Assert.Equal(
            """{"account":12345678,"api_key":"K","ticket":987654,"transaction_type":"BALANCE","amount":1000.00,"timestamp":1729000000,"comment":"Deposit","balance":10000.00}""",
            EaRequestBodies.Transaction(12345678, "K", 987654, "BALANCE", 1000, 1729000000, "Deposit", 10000));
        Assert.Contains("\"comment\":\"say \"hi\"\",", EaRequestBodies.Transaction(1, "K", 1, "BALANCE", 1, 1, "say \"hi\"", 1), StringComparison.Ordinal);
    }

    [Fact]
    public void BuildsTheCommandResponseExample()
    {
        Assert.Equal(
            """{"account":12345678,"api_key":"K","command_id":"auto_1a2b3c4d","status":"completed","response":{"ticket":123456789,"price":1.08123,"volume":0.10,"sl":1.07950,"tp":1.08550,"tpsl_verified":true}}""",
            EaRequestBodies.CommandResponse(12345678, "K", "auto_1a2b3c4d", "completed", EaCommandResponses.OpenCompleted(123456789, 1.08123, 0.1, 1.0795, 1.0855, true)));
    }

    [Fact]
    public void BuildsTheLogBodyWithDetailsAsAnObject()
    {
        Assert.Equal(
            """{"account":1,"api_key":"K","level":"INFO","message":"Trade closed","details":{"info":"Ticket: 5, EURUSD, Profit: 1.23, Reason: TP_HIT"}}""",
            EaRequestBodies.Log(1, "K", "INFO", "Trade closed", "Ticket: 5, EURUSD, Profit: 1.23, Reason: TP_HIT"));
    }

    [Fact]
    public void FormatsProfitUpdateMoneyWithTwoDecimals()
    {
        Assert.Equal(
            """{"account":1,"api_key":"K","balance":10000.00,"equity":10012.34,"profit_today":12.50,"profit_week":40.10,"profit_month":-5.20,"profit_year":120.00}""",
            EaRequestBodies.ProfitUpdate(1, "K", Account, Profits));
    }
}
