using NgTradingBot.EaProtocol.Requests;

namespace NgTradingBot.EaProtocol.Tests.Requests;

public class InvalidRequestTests
{
    // route, field path, raw JSON value (null removes the field), the exact message expected
    public static TheoryData<string, string, string?, string> BadFields => new()
    {
        { "connect", "account", null, "Missing account" },
        { "connect", "account", "\"12345678\"", "account must be an integer, got string '12345678'" },
        { "connect", "account", "0", "account must be greater than 0" },
        { "connect", "account", "1.5", "account must be an integer, got number 1.5" },
        { "connect", "account", "99999999999999999999", "account is out of range" },
        { "connect", "available_symbols", "\"EURUSD\"", "available_symbols must be an array, got string 'EURUSD'" },
        { "connect", "available_symbols[1]", "1", "available_symbols[1] must be a non-empty string, got number 1" },
        { "connect", "available_symbols[0]", "\"\"", "available_symbols[0] must be a non-empty string, got string ''" },
        { "symbols", "account", "-5", "account must be greater than 0" },
        { "symbols", "account", "true", "account must be an integer, got true" },
        { "symbol_specs", "symbols", "[]", "No symbols provided" },
        { "symbol_specs", "symbols[0].volume_min", "-0.01", "symbols[0].volume_min must not be negative" },
        { "symbol_specs", "symbols[0].point_value", "0", "symbols[0].point_value must be greater than 0" },
        { "symbol_specs", "symbols[0].trade_mode", "7", "symbols[0].trade_mode must be between 0 and 4" },
        { "symbol_specs", "symbols[0].digits", "\"5\"", "symbols[0].digits must be an integer, got string '5'" },
        { "symbol_specs", "symbols[0].symbol", null, "Missing symbols[0].symbol" },
        { "symbol_specs", "symbols[0].stops_level", "3000000000", "symbols[0].stops_level is out of range" },
        { "symbol_specs", "symbols[0]", "\"EURUSD\"", "symbols[0] must be an object, got string 'EURUSD'" },
        { "ohlc/coverage", "timeframe", "\"H2\"", "timeframe must be one of M1, M5, M15, H1, H4, D1, got string 'H2'" },
        { "ohlc/coverage", "timeframe", "60", "timeframe must be one of M1, M5, M15, H1, H4, D1, got number 60" },
        { "ohlc/coverage", "required_bars", "0", "required_bars must be greater than 0" },
        { "ohlc/coverage", "symbol", "\"  \"", "symbol must not be empty" },
        { "ohlc/historical", "candles", "[]", "No candles provided" },
        { "ohlc/historical", "candles[1].high", "1.0", "candles[1].high must not be below low" },
        { "ohlc/historical", "candles[0].open", "0", "candles[0].open must be greater than 0" },
        { "ohlc/historical", "candles[0].volume", "-1", "candles[0].volume must not be negative" },
        { "ohlc/historical", "candles[0].close", "\"NaN\"", "candles[0].close must be a number, got string 'NaN'" },
        { "ohlc/historical", "candles[0].low", "1e400", "candles[0].low is out of range" },
        { "ohlc/historical", "timeframe", null, "Missing timeframe" },
        { "heartbeat", "balance", "\"10000.00\"", "balance must be a number, got string '10000.00'" },
        { "heartbeat", "deposits_year", null, "Missing deposits_year" },
        { "heartbeat", "margin", "-1", "margin must not be negative" },
        { "heartbeat", "timestamp", "1730709002.5", "timestamp must be an integer, got number 1730709002.5" },
        { "get_commands", "account", null, "Missing account" },
        { "command_response", "status", "\"done\"", "status must be one of completed, failed, got string 'done'" },
        { "command_response", "response", "\"ok\"", "response must be an object, got string 'ok'" },
        { "command_response", "command_id", null, "Missing command_id" },
        { "command_response", "command_id", "42", "command_id must be a string, got number 42" },
        { "profit_update", "equity", "null", "equity must be a number, got null" },
        { "profit_update", "profit_month", null, "Missing profit_month" },
        { "transaction", "transaction_type", "\"DEPOSIT\"", "transaction_type must be one of BALANCE, CREDIT, CHARGE, CORRECTION, BONUS, COMMISSION, COMMISSION_DAILY, COMMISSION_MONTHLY, INTEREST, got string 'DEPOSIT'" },
        { "transaction", "ticket", "0", "ticket must be greater than 0" },
        { "transaction", "amount", "\"1000\"", "amount must be a number, got string '1000'" },
        { "transaction", "timestamp", null, "Missing timestamp" },
        { "ticks", "ticks", "[]", TicksRequest.NoTicksProvided },
        { "ticks", "ticks", null, "Missing ticks" },
        { "ticks", "ticks", "\"none\"", "ticks must be an array, got string 'none'" },
        { "ticks", "balance", "true", "balance must be a number, got true" },
        { "ticks", "profit_year", null, "Missing profit_year" },
        { "trades/update", "ticket", null, "Missing ticket" },
        { "trades/update", "direction", "\"LONG\"", "direction must be one of BUY, SELL, got string 'LONG'" },
        { "trades/update", "volume", "-0.10", "volume must not be negative" },
        { "trades/update", "open_price", "0", "open_price must be greater than 0" },
        { "trades/update", "status", "\"pending\"", "status must be one of open, closed, got string 'pending'" },
        { "trades/update", "sl", "-1.0", "sl must not be negative" },
        { "trades/update", "open_time", "\"2025-11-04\"", "open_time must be an integer, got string '2025-11-04'" },
        { "trades/update close", "close_price", "0.00000", "close_price must be greater than 0 when status is closed" },
        { "log", "message", "\"\"", "message must not be empty" },
        { "log", "message", null, "Missing message" },
        { "log", "level", "\"DEBUG\"", "level must be one of INFO, WARNING, ERROR, got string 'DEBUG'" },
        { "log", "details", "\"text\"", "details must be an object, got string 'text'" },
        { "log", "details.info", "5", "details.info must be a string, got number 5" },
        { "disconnect", "account", "\"abc\"", "account must be an integer, got string 'abc'" },
        { "trades/sync", "trades", null, "Missing trades" },
        { "trades/sync", "trades[0].direction", "\"buy-ish\"", "trades[0].direction must be one of BUY, SELL, got string 'buy-ish'" },
        { "trades/sync", "trades[0].open_time", "0", "trades[0].open_time must be greater than 0" },
        { "trades/sync", "trades[0].sl", "{}", "trades[0].sl must be a number, got an object" },
    };

    [Theory]
    [MemberData(nameof(BadFields))]
    public void RejectsBadFieldWithClearMessage(string route, string path, string? rawValue, string expected)
    {
        var body = EaBodies.With(Routes.ExampleBody(route), path, rawValue);

        var error = Routes.Parse(route, body);

        Assert.NotNull(error);
        Assert.Equal(400, error.StatusCode);
        Assert.Equal(expected, error.Message);
    }

    public static TheoryData<string> RouteNames => [.. Routes.Names];

    [Theory]
    [MemberData(nameof(RouteNames))]
    public void RejectsBodyThatIsNotAnObjectAsNoDataProvided(string route)
    {
        Assert.Equal(EaError.NoDataProvided, Routes.Parse(route, "[1,2]"));
        Assert.Equal(EaError.NoDataProvided, Routes.Parse(route, "\"text\""));
    }

    [Fact]
    public void RejectsDuplicateTicketsInSync()
    {
        var trade = """{"ticket":7,"symbol":"EURUSD","direction":"BUY","volume":0.10,"open_price":1.1,"open_time":1,"sl":0,"tp":0}""";

        var error = Routes.Parse("trades/sync", $$"""{"account":1,"trades":[{{trade}},{{trade}}]}""");

        Assert.Equal("trades[1].ticket 7 repeats trades[0]", error?.Message);
    }

    [Fact]
    public void ReportsTheFirstProblemOnly()
    {
        var body = EaBodies.With(EaBodies.With(EaBodies.TradeOpen, "symbol", "\"\""), "volume", "-1");

        Assert.Equal("symbol must not be empty", Routes.Parse("trades/update", body)?.Message);
    }
}
