using System.Text;
using NgTradingBot.EaProtocol.Decoding;

namespace NgTradingBot.EaProtocol.Tests.Decoding;

/// <summary>A \u escape naming half a surrogate pair is JSON no string can be read from: such a body is not JSON to us.</summary>
public class LoneSurrogateTests
{
    [Theory]
    [InlineData("{\"account\":\"\\ud800\"}")]
    [InlineData("{\"timeframe\":\"H\\udbff1\"}")]
    [InlineData("{\"message\":\"\\udc00\"}")]
    [InlineData("{\"message\":\"\\ud800\\u0041\"}")]
    [InlineData("{\"message\":\"end \\ud800\"}")]
    public void ABodyWithALoneSurrogateIsNotJson(string json)
    {
        Assert.False(EaJsonBody.TryParse(Encoding.UTF8.GetBytes(json), allowRepair: false, out _));
        Assert.False(EaJsonBody.TryParse(json, allowRepair: false, out _));
    }

    [Theory]
    [InlineData("{\"message\":\"\\ud83d\\ude00\"}", "\U0001F600")]
    [InlineData("{\"message\":\"C:\\\\udc00\"}", "C:\\udc00")]
    [InlineData("{\"message\":\"\\u00e9\\\"\\n\"}", "é\"\n")]
    public void PairsEscapedBackslashesAndOtherEscapesAreRead(string json, string expected)
    {
        Assert.True(EaJsonBody.TryParse(Encoding.UTF8.GetBytes(json), allowRepair: false, out var body));
        using (body)
        {
            Assert.Equal(expected, body.Root.GetProperty("message").GetString());
        }
    }
}
