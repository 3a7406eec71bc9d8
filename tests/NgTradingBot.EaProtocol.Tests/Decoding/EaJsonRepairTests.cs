using NgTradingBot.EaProtocol.Decoding;

namespace NgTradingBot.EaProtocol.Tests.Decoding;

/// <summary>Bodies as the EA builds them with StringFormat and no escaping.</summary>
public class EaJsonRepairTests
{
    private const string Head = "{\"account\":12345678,\"api_key\":\"K\",";

    public static TheoryData<string, string, string> BrokenBodies => new()
    {
        // body, path to a string field, the text the EA meant
        {
            "{\"account\":1,\"api_key\":\"K\",\"level\":\"INFO\",\"message\":\"Broker \"X\" said C:\\temp\\a\",\"details\":{\"info\":\"a \"quoted\" } thing\"}}",
            "message", "Broker \"X\" said C:\\temp\\a"
        },
        {
            "{\"account\":1,\"api_key\":\"K\",\"level\":\"INFO\",\"message\":\"Broker \"X\" said C:\\temp\\a\",\"details\":{\"info\":\"a \"quoted\" } thing\"}}",
            "details.info", "a \"quoted\" } thing"
        },
        {
            "{\"account\":1,\"broker\":\"Foo \"Bar\" Ltd\",\"platform\":\"MT5\",\"timestamp\":1730709000,\"available_symbols\":[\"EURUSD\"]}",
            "broker", "Foo \"Bar\" Ltd"
        },
        {
            "{\"account\":1,\"broker\":\"A\\B Markets\",\"platform\":\"MT5\",\"timestamp\":1730709000,\"available_symbols\":[]}",
            "broker", "A\\B Markets"
        },
        {
            Head + "\"ticket\":987654,\"transaction_type\":\"BONUS\",\"amount\":50.00,\"timestamp\":1729000000,\"comment\":\"Deposit \"bonus\", thanks\",\"balance\":10000.00}",
            "comment", "Deposit \"bonus\", thanks"
        },
        {
            // Quotes around the last word: the real closing quote directly follows an embedded one.
            Head + "\"level\":\"INFO\",\"message\":\"He said \"hi\"\",\"details\":{\"info\":\"x\"}}",
            "message", "He said \"hi\""
        },
        {
            // Raw newline, carriage return and tab inside a log text.
            Head + "\"level\":\"ERROR\",\"message\":\"Command failed\",\"details\":{\"info\":\"line1\r\nline2\tend\"}}",
            "details.info", "line1\r\nline2\tend"
        },
        {
            // A value ending in a backslash: the backslash must not swallow the closing quote.
            Head + "\"ticket\":1,\"transaction_type\":\"BALANCE\",\"amount\":0.00,\"timestamp\":1,\"comment\":\"C:\\dir\\\",\"balance\":1.00}",
            "comment", "C:\\dir\\"
        },
        {
            // JSON-looking text inside a string: the first plausible close is wrong, backtracking finds the right one.
            Head + "\"level\":\"ERROR\",\"message\":\"Server said\",\"details\":{\"info\":\"Server said {\"error\":\"bad\", \"code\":5}\"}}",
            "details.info", "Server said {\"error\":\"bad\", \"code\":5}"
        },
        {
            // A comma and quote that are not followed by a key stay text.
            Head + "\"level\":\"INFO\",\"message\":\"a\", \"b\",\"details\":{\"info\":\"x\"}}",
            "message", "a\", \"b"
        },
        {
            "{\"account\":1,\"broker\":\"\"\",\"platform\":\"MT5\"}",
            "broker", "\""
        },
        {
            "{\"account\":1,\"broker\":\"Best \"FX\"\",\"platform\":\"MT5\"}",
            "broker", "Best \"FX\""
        },
        {
            // A bracket after a quote inside an object does not close anything.
            Head + "\"level\":\"INFO\",\"message\":\"Symbol subscribed\",\"details\":{\"info\":\"list [\"EURUSD\"] ok\"}}",
            "details.info", "list [\"EURUSD\"] ok"
        },
        {
            // Backslash-quote pairs are literal text once the body needs repair: the EA never escapes.
            Head + "\"level\":\"INFO\",\"message\":\"path C:\\\"x\\\" end\",\"details\":{\"info\":\"\"raw\"\"}}",
            "message", "path C:\\\"x\\\" end"
        },
        {
            // Control characters other than whitespace.
            Head + "\"ticket\":2,\"transaction_type\":\"CREDIT\",\"amount\":1.00,\"timestamp\":1,\"comment\":\"a\u0001b\u001fc\",\"balance\":1.00}",
            "comment", "a\u0001b\u001fc"
        },
        {
            // Colon after a quote inside a value is text, not a key separator.
            Head + "\"level\":\"WARNING\",\"message\":\"ratio \"a\": 5\",\"details\":{\"info\":\"i\"}}",
            "message", "ratio \"a\": 5"
        },
        {
            // \n, \t and \u in EA text are a backslash followed by letters (paths, regexes).
            Head + "\"level\":\"INFO\",\"message\":\"C:\\new\\table\\u0041\",\"details\":{\"info\":\"a \"b\" c\"}}",
            "message", "C:\\new\\table\\u0041"
        },
        {
            // A quote inside a broker symbol name within an array.
            "{\"account\":1,\"broker\":\"B\",\"available_symbols\":[\"EURUSD\",\"US30\"cash\",\"GBPUSD\"]}",
            "available_symbols[1]", "US30\"cash"
        },
        {
            // Raw CRLF in a deal comment, with a quote right before a comma that is followed by text.
            Head + "\"ticket\":3,\"transaction_type\":\"CORRECTION\",\"amount\":-5.00,\"timestamp\":1,\"comment\":\"fix \"A\",\r\nB\",\"balance\":1.00}",
            "comment", "fix \"A\",\r\nB"
        },
        {
            // Unbalanced braces inside a value.
            Head + "\"level\":\"ERROR\",\"message\":\"Order rejected by broker\",\"details\":{\"info\":\"Retcode 10016 {Invalid stops\"} - BUY\"}}",
            "details.info", "Retcode 10016 {Invalid stops\"} - BUY"
        },
    };

    [Theory]
    [MemberData(nameof(BrokenBodies))]
    public void RepairsUnescapedStringsToWhatTheEaMeant(string body, string path, string expected)
    {
        Assert.ThrowsAny<JsonException>(() => JsonDocument.Parse(body));

        Assert.True(EaJsonBody.TryParse(body, allowRepair: true, out var parsed));
        using (parsed)
        {
            Assert.True(parsed.WasRepaired);
            Assert.Equal(expected, Navigate(parsed.Root, path).GetString());
        }
    }

    [Theory]
    [MemberData(nameof(BrokenBodies))]
    public void RepairKeepsEveryOtherFieldOfTheBody(string body, string path, string expected)
    {
        _ = path;
        _ = expected;
        Assert.True(EaJsonBody.TryParse(body, allowRepair: true, out var parsed));
        using (parsed)
        {
            Assert.True(parsed.Root.GetProperty("account").GetInt64() > 0);
            var keys = parsed.Root.EnumerateObject().Select(p => p.Name).ToList();
            Assert.Equal(keys.Distinct().Count(), keys.Count);
            Assert.Equal(CountTopLevelKeys(body), keys.Count);
        }
    }

    [Fact]
    public void EaTextThatHappensToBeValidJsonKeepsJsonMeaning()
    {
        // The price of never reinterpreting a valid body: \n here is read as a newline, although the EA
        // meant a backslash and an n. Only bodies that fail strict parsing get the literal reading.
        var body = "{\"account\":1,\"message\":\"C:\\new\"}";

        Assert.True(EaJsonBody.TryParse(body, allowRepair: true, out var parsed));
        using (parsed)
        {
            Assert.False(parsed.WasRepaired);
            Assert.Equal("C:" + "\n" + "ew", parsed.Root.GetProperty("message").GetString());
        }
    }

    [Fact]
    public void TurnsMql5NanAndInfinityTokensIntoNull()
    {
        var body = "{\"account\":1,\"ticks\":[{\"bid\":nan,\"ask\":-nan(ind),\"spread\":inf,\"x\":1.#INF}]}";

        Assert.True(EaJsonRepair.TryRepair(body, out var repaired));

        Assert.Equal("{\"account\":1,\"ticks\":[{\"bid\":null,\"ask\":null,\"spread\":null,\"x\":null}]}", repaired);
    }

    [Theory]
    [InlineData("not json at all")]
    [InlineData("{\"account\":1,\"message\":\"never closed")]
    [InlineData("{\"account\":1,}")]
    [InlineData("{\"account\":1} trailing")]
    [InlineData("{\"account\":01}")]
    [InlineData("{\"account\" 1}")]
    [InlineData("{\"a\":[1,2}")]
    [InlineData("")]
    public void RefusesTextThatIsNotUnescapedJson(string body)
    {
        Assert.False(EaJsonRepair.TryRepair(body, out _));
        Assert.False(EaJsonBody.TryParse(body, allowRepair: true, out _));
    }

    [Fact]
    public void DoesNotRepairWhenNotAllowed()
    {
        Assert.False(EaJsonBody.TryParse("{\"broker\":\"Foo \"Bar\" Ltd\"}", allowRepair: false, out _));
    }

    [Fact]
    public void GivesUpWithinBudgetOnHostileInput()
    {
        // Thousands of plausible closing quotes and a defect at the very end force maximal backtracking.
        var hostile = "{\"a\":\"" + string.Concat(Enumerable.Repeat("x\", \"k\":\"", 5000)) + "\"}}";

        Assert.False(EaJsonRepair.TryRepair(hostile, out _));
    }

    [Fact]
    public void RepairsLargeBodyWithManyStringsInLinearTime()
    {
        var symbols = string.Join(",", Enumerable.Range(0, 20_000).Select(i => $"\"SYM{i}\""));
        var body = "{\"account\":1,\"broker\":\"Foo \"Bar\" Ltd\",\"available_symbols\":[" + symbols + "]}";

        Assert.True(EaJsonBody.TryParse(body, allowRepair: true, out var parsed));
        using (parsed)
        {
            Assert.Equal(20_000, parsed.Root.GetProperty("available_symbols").GetArrayLength());
            Assert.Equal("Foo \"Bar\" Ltd", parsed.Root.GetProperty("broker").GetString());
        }
    }

    internal static JsonElement Navigate(JsonElement root, string path)
    {
        var element = root;
        foreach (var segment in path.Split('.'))
        {
            var bracket = segment.IndexOf('[');
            element = bracket < 0
                ? element.GetProperty(segment)
                : element.GetProperty(segment[..bracket])[int.Parse(segment[(bracket + 1)..^1])];
        }

        return element;
    }

    private static int CountTopLevelKeys(string body) =>
        new[] { "account", "api_key", "broker", "platform", "timestamp", "available_symbols", "level", "message", "details", "ticket", "transaction_type", "amount", "comment", "balance" }
            .Count(key => body.Contains($"\"{key}\":", StringComparison.Ordinal));
}
