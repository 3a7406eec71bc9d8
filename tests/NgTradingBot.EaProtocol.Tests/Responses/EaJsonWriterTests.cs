using System.Buffers;
using NgTradingBot.EaProtocol.Responses;

namespace NgTradingBot.EaProtocol.Tests.Responses;

public class EaJsonWriterTests
{
    [Fact]
    public void WritesNestedFlatObjectsOnlyWhereTheEaCanCutThemOut()
    {
        var buffer = new ArrayBufferWriter<byte>();
        var writer = new EaJsonWriter(buffer);

        writer.StartObject();
        writer.StartArray("subscribed_symbols");
        writer.StartObject();
        writer.WriteText("mode", "default");
        writer.WriteIdentifier("symbol", "EURUSD");
        writer.EndObject();
        writer.EndArray();
        writer.StartObject("account");
        writer.WriteNumber("login", 12345678L);
        writer.EndObject();
        writer.EndObject();

        Assert.True(writer.IsComplete);
        Assert.Equal("""{"subscribed_symbols":[{"mode":"default","symbol":"EURUSD"}],"account":{"login":12345678}}""", EaReader.Text(buffer.WrittenMemory));
    }

    [Fact]
    public void RefusesArrayInsideArray()
    {
        var writer = Started(out _);
        writer.StartArray("a");

        Assert.Throws<InvalidOperationException>(() => writer.StartArray("b"));
    }

    [Fact]
    public void RefusesObjectInsideFlatObject()
    {
        var writer = Started(out _);
        writer.StartObject("outer");

        Assert.Throws<InvalidOperationException>(() => writer.StartObject("inner"));
        Assert.Throws<InvalidOperationException>(() => writer.StartArray("list"));
    }

    [Fact]
    public void RefusesKeyedValuesInArraysAndBadKeys()
    {
        var writer = Started(out _);

        Assert.Throws<ArgumentException>(() => writer.WriteText("bad key", "x"));
        Assert.Throws<ArgumentException>(() => writer.WriteText("a\"b", "x"));
        writer.StartArray("list");
        Assert.Throws<InvalidOperationException>(() => writer.WriteText("k", "x"));
    }

    [Fact]
    public void RefusesSecondRootAndUnbalancedClose()
    {
        var writer = Started(out _);
        writer.EndObject();

        Assert.Throws<InvalidOperationException>(() => writer.StartObject());
        Assert.Throws<InvalidOperationException>(() => writer.EndObject());
        Assert.Throws<InvalidOperationException>(() => writer.EndArray());
    }

    [Fact]
    public void WritesLoneSurrogateAsReplacementCharacter()
    {
        var writer = Started(out var buffer);
        writer.WriteText("t", "a\ud800b");
        writer.EndObject();

        Assert.Equal("{\"t\":\"a\ufffdb\"}", EaReader.Text(buffer.WrittenMemory));
    }

    private static EaJsonWriter Started(out ArrayBufferWriter<byte> buffer)
    {
        buffer = new ArrayBufferWriter<byte>();
        var writer = new EaJsonWriter(buffer);
        writer.StartObject();
        return writer;
    }
}
