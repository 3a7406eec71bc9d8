using NgTradingBot.EaProtocol.Responses;

namespace NgTradingBot.EaProtocol.Tests.Responses;

public class EaNumberFormatTests
{
    [Theory]
    [InlineData(1e-5, "0.00001")]
    [InlineData(1e-7, "0.0000001")]
    [InlineData(-2.5e-7, "-0.00000025")]
    [InlineData(1e15, "1000000000000000")]
    [InlineData(1.5e20, "150000000000000000000")]
    [InlineData(1.0855, "1.0855")]
    [InlineData(123456789012345.0, "123456789012345")]
    [InlineData(0.0, "0")]
    public void WritesDoublesInPlainDecimalNotation(double value, string expected)
    {
        var text = EaNumberFormat.Format(value);

        Assert.Equal(expected, text);
        Assert.Equal(value, double.Parse(text, System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void WritesNegativeZeroAsZero()
    {
        Assert.Equal("0", EaNumberFormat.Format(-0.0));
    }

    [Fact]
    public void ExpandsTheSmallestDoubleWithoutLosingIt()
    {
        var text = EaNumberFormat.Format(double.Epsilon);

        Assert.StartsWith("0.000", text, StringComparison.Ordinal);
        Assert.DoesNotContain("E", text, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(double.Epsilon, double.Parse(text, System.Globalization.CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(double.NegativeInfinity)]
    public void RefusesNonFiniteDoubles(double value)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => EaNumberFormat.Format(value));
    }

    [Fact]
    public void WritesDecimalsWithTheirScaleAndNoExponent()
    {
        Assert.Equal("0.10", EaNumberFormat.Format(0.10m));
        Assert.Equal("0.0000100000", EaNumberFormat.Format(0.0000100000m));
        Assert.Equal("79228162514264337593543950335", EaNumberFormat.Format(decimal.MaxValue));
    }

    [Theory]
    [InlineData("0.123456789012", 10, "0.12345679")]
    [InlineData("9.99999999999", 10, "10.0000000")]
    [InlineData("1234567890.4", 10, "1234567890")]
    [InlineData("1.0855", 15, "1.0855")]
    [InlineData("-0.0000000001", 10, "0.00000000")]
    public void FitsNumbersIntoTheEasWindowByRounding(string value, int window, string expected)
    {
        var text = EaNumberFormat.FitToWindow(decimal.Parse(value, System.Globalization.CultureInfo.InvariantCulture), window);

        Assert.Equal(expected, text);
        Assert.True(text.Length <= window);
    }

    [Theory]
    [InlineData("12345678901", 10)]
    [InlineData("1000000000000000", 15)]
    [InlineData("-123456789012345", 15)]
    public void RefusesNumbersWhoseIntegerPartDoesNotFit(string value, int window)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => EaNumberFormat.FitToWindow(decimal.Parse(value, System.Globalization.CultureInfo.InvariantCulture), window));
    }
}
