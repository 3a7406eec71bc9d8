using NgTradingBot.EaProtocol.Decoding;

namespace NgTradingBot.EaProtocol.Tests.Decoding;

public class EaJsonBodyTests
{
    [Fact]
    public void ParsesWindows1252BodyWithRawQuotes()
    {
        // {"account":1,"broker":"Société "Générale" SA"} as the EA sends it: ANSI bytes, no escaping.
        byte[] body = [.. "{\"account\":1,\"broker\":\"Soci"u8, 0xE9, .. "t"u8, 0xE9, .. " \"G"u8, 0xE9, .. "n"u8, 0xE9, .. "rale\" SA\"}"u8, 0];

        Assert.True(EaJsonBody.TryParse(body, allowRepair: true, out var parsed));
        using (parsed)
        {
            Assert.True(parsed.UsedWindows1252);
            Assert.True(parsed.WasRepaired);
            Assert.Equal("Société \"Générale\" SA", parsed.Root.GetProperty("broker").GetString());
        }
    }

    [Fact]
    public void ParsesWindows1252BodyThatIsOtherwiseValidWithoutRepair()
    {
        byte[] body = [.. "{\"broker\":\"M"u8, 0xFC, .. "nchen FX\"}"u8];

        Assert.True(EaJsonBody.TryParse(body, allowRepair: false, out var parsed));
        using (parsed)
        {
            Assert.False(parsed.WasRepaired);
            Assert.True(parsed.UsedWindows1252);
            Assert.Equal("München FX", parsed.Root.GetProperty("broker").GetString());
        }
    }

    [Fact]
    public void IgnoresBomAndTrailingNul()
    {
        byte[] body = [0xEF, 0xBB, 0xBF, .. "{\"account\":5}"u8, 0];

        Assert.True(EaJsonBody.TryParse(body, allowRepair: false, out var parsed));
        using (parsed)
        {
            Assert.Equal(5, parsed.Root.GetProperty("account").GetInt32());
        }
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\0")]
    [InlineData("<html>")]
    public void RejectsEmptyAndNonJsonBodies(string body)
    {
        Assert.False(EaJsonBody.TryParse(Encoding.UTF8.GetBytes(body), allowRepair: true, out _));
    }
}
