using NgTradingBot.EaProtocol.Decoding;

namespace NgTradingBot.EaProtocol.Tests.Decoding;

public class EaBodyDecoderTests
{
    [Fact]
    public void ReadsValidUtf8AsUtf8()
    {
        var text = EaBodyDecoder.Decode("{\"broker\":\"Société Générale 中\"}"u8, out var usedWindows1252);

        Assert.Equal("{\"broker\":\"Société Générale 中\"}", text);
        Assert.False(usedWindows1252);
    }

    [Fact]
    public void FallsBackToWindows1252WhenBytesAreNotUtf8()
    {
        // "Société" as the EA sends it with CP_ACP: é is the single byte 0xE9.
        byte[] body = [.. "Soci"u8, 0xE9, .. "t"u8, 0xE9];

        var text = EaBodyDecoder.Decode(body, out var usedWindows1252);

        Assert.Equal("Société", text);
        Assert.True(usedWindows1252);
    }

    [Theory]
    [InlineData(0x80, "€")]
    [InlineData(0x9C, "œ")]
    [InlineData(0xFC, "ü")]
    [InlineData(0xA3, "£")]
    public void MapsWindows1252SpecificBytes(byte value, string expected)
    {
        Assert.Equal("x" + expected, EaBodyDecoder.Decode([(byte)'x', value]));
    }

    [Fact]
    public void StripsUtf8ByteOrderMark()
    {
        byte[] body = [0xEF, 0xBB, 0xBF, .. "{\"a\":1}"u8];

        Assert.Equal("{\"a\":1}", EaBodyDecoder.Decode(body));
    }

    [Fact]
    public void StripsTrailingNulTerminators()
    {
        byte[] body = [.. "{\"a\":1}"u8, 0, 0];

        Assert.Equal("{\"a\":1}", EaBodyDecoder.Decode(body));
    }

    [Fact]
    public void StripsTrailingNulAlsoFromWindows1252Body()
    {
        byte[] body = [.. "{\"b\":\""u8, 0xE9, .. "\"}"u8, 0];

        Assert.Equal("{\"b\":\"é\"}", EaBodyDecoder.Decode(body, out var usedWindows1252));
        Assert.True(usedWindows1252);
    }

    [Fact]
    public void DecodesEmptyAndNulOnlyBodiesToEmptyText()
    {
        Assert.Equal("", EaBodyDecoder.Decode([]));
        Assert.Equal("", EaBodyDecoder.Decode([0]));
    }

    [Fact]
    public void PayloadRangeExcludesBomAndNuls()
    {
        byte[] body = [0xEF, 0xBB, 0xBF, (byte)'{', (byte)'}', 0];

        Assert.Equal(3..5, EaBodyDecoder.PayloadRange(body));
    }
}
