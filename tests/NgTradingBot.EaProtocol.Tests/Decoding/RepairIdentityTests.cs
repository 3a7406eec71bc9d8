using NgTradingBot.EaProtocol.Decoding;

namespace NgTradingBot.EaProtocol.Tests.Decoding;

/// <summary>
/// Evidence that repair cannot silently restructure a valid body: valid bodies never reach it, and
/// even when forced through it, valid JSON without backslashes comes out byte for byte the same.
/// </summary>
public class RepairIdentityTests
{
    private const string StringAlphabet = "abcXYZ019 ,:{}[]'+-<>&é中€\u00a0";

    [Fact]
    public void ValidBodiesAreParsedStrictlyAndNeverRepaired()
    {
        string[] bodies =
        [
            EaBodies.Connect, EaBodies.Ticks, EaBodies.Log, EaBodies.TradeClose, EaBodies.CommandResponse,
            "{\"message\":\"escaped \\\"quote\\\" and \\\\ backslash and \\t tab\",\"x\":\"\\u00e9\"}",
        ];
        foreach (var body in bodies)
        {
            Assert.True(EaJsonBody.TryParse(Encoding.UTF8.GetBytes(body), allowRepair: true, out var parsed));
            using (parsed)
            {
                Assert.False(parsed.WasRepaired);
                Assert.Equal(body, parsed.Root.GetRawText());
            }
        }
    }

    [Fact]
    public void ProperlyEscapedValuesKeepTheirMeaning()
    {
        var body = "{\"message\":\"escaped \\\"quote\\\" and \\\\ backslash\"}";

        Assert.True(EaJsonBody.TryParse(body, allowRepair: true, out var parsed));
        using (parsed)
        {
            Assert.Equal("escaped \"quote\" and \\ backslash", parsed.Root.GetProperty("message").GetString());
        }
    }

    [Fact]
    public void RepairIsTheIdentityOnRandomValidJsonWithoutBackslashes()
    {
        var random = new Random(20261121);
        for (var i = 0; i < 3000; i++)
        {
            var json = RandomValue(random, depth: 0);
            using (JsonDocument.Parse(json))
            {
                // The generator must only produce valid JSON for the property to mean anything.
            }

            Assert.True(EaJsonRepair.TryRepair(json, out var repaired), json);
            Assert.Equal(json, repaired);
        }
    }

    private static string RandomValue(Random random, int depth)
    {
        var kind = random.Next(depth < 4 ? 8 : 5);
        return kind switch
        {
            0 => RandomString(random),
            1 => RandomNumber(random),
            2 => new[] { "true", "false", "null" }[random.Next(3)],
            3 => RandomString(random),
            4 => RandomNumber(random),
            5 or 6 => "{" + Ws(random) + string.Join(",", Enumerable.Range(0, random.Next(4))
                .Select(_ => Ws(random) + RandomKey(random) + Ws(random) + ":" + Ws(random) + RandomValue(random, depth + 1) + Ws(random))) + "}",
            _ => "[" + Ws(random) + string.Join(",", Enumerable.Range(0, random.Next(4))
                .Select(_ => Ws(random) + RandomValue(random, depth + 1) + Ws(random))) + "]",
        };
    }

    private static string RandomKey(Random random) =>
        "\"" + new string([.. Enumerable.Range(0, random.Next(0, 10)).Select(_ => StringAlphabet[random.Next(StringAlphabet.Length)])]) + "\"";

    private static string RandomString(Random random) =>
        "\"" + new string([.. Enumerable.Range(0, random.Next(0, 16)).Select(_ => StringAlphabet[random.Next(StringAlphabet.Length)])]) + "\"";

    private static string RandomNumber(Random random) => random.Next(6) switch
    {
        0 => "0",
        1 => "-0.5",
        2 => random.Next(-100000, 100000).ToString(System.Globalization.CultureInfo.InvariantCulture),
        3 => "1.08123",
        4 => "1e-7",
        _ => "12345678901234E+2",
    };

    private static string Ws(Random random) => random.Next(4) switch
    {
        0 => " ",
        1 => "\r\n  ",
        _ => "",
    };
}
