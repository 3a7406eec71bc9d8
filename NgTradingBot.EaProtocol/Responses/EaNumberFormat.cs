using System.Globalization;

namespace NgTradingBot.EaProtocol.Responses;

/// <summary>
/// Numbers in plain decimal notation, as the EA's <c>StringToDouble</c>/<c>StringToInteger</c> on a
/// fixed-length window need them: never an exponent (<c>1E-05</c> is written <c>0.00001</c>), never
/// quoted, never NaN or infinity.
/// </summary>
public static class EaNumberFormat
{
    public static string Format(long value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>Decimal's own formatting never uses an exponent; the scale is kept (0.10 stays 0.10).</summary>
    public static string Format(decimal value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>The shortest round-trip digits of the double, with any exponent expanded.</summary>
    public static string Format(double value)
    {
        if (!double.IsFinite(value))
        {
            throw new ArgumentOutOfRangeException(nameof(value), value, "The EA cannot read NaN or infinity");
        }

        if (value == 0)
        {
            return "0";
        }

        var roundTrip = value.ToString("R", CultureInfo.InvariantCulture);
        var e = roundTrip.IndexOf('E');
        return e < 0 ? roundTrip : ExpandExponent(roundTrip.AsSpan(0, e), int.Parse(roundTrip.AsSpan(e + 1), CultureInfo.InvariantCulture));
    }

    /// <summary>
    /// Fits a number into the fixed window the EA reads after a key (10 characters for volume, 15 for
    /// sl/tp/dates, 30 for ticket), rounding away fraction digits that would be cut off. A number whose
    /// integer part does not fit is refused: the EA would read a value off by a power of ten.
    /// </summary>
    public static string FitToWindow(decimal value, int window)
    {
        var text = Format(value);
        if (text.Length <= window)
        {
            return text;
        }

        var point = text.IndexOf('.');
        var fractionDigits = point < 0 ? 0 : text.Length - point - 1;
        for (var digits = Math.Min(fractionDigits, 28); digits >= 0; digits--)
        {
            var rounded = Format(Math.Round(value, digits, MidpointRounding.AwayFromZero));
            if (rounded.Length <= window)
            {
                return rounded;
            }
        }

        throw new ArgumentOutOfRangeException(nameof(value), value, $"Does not fit the EA's {window}-character number window");
    }

    /// <inheritdoc cref="FitToWindow(decimal, int)"/>
    public static string FitToWindow(double value, int window)
    {
        var text = Format(value);
        if (text.Length <= window)
        {
            return text;
        }

        return decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var asDecimal)
            ? FitToWindow(asDecimal, window)
            : throw new ArgumentOutOfRangeException(nameof(value), value, $"Does not fit the EA's {window}-character number window");
    }

    private static string ExpandExponent(ReadOnlySpan<char> mantissa, int exponent)
    {
        var negative = mantissa.StartsWith("-");
        if (negative)
        {
            mantissa = mantissa[1..];
        }

        var point = mantissa.IndexOf('.');
        var digits = point < 0 ? mantissa.ToString() : string.Concat(mantissa[..point], mantissa[(point + 1)..]);
        var pointPosition = (point < 0 ? mantissa.Length : point) + exponent;
        var plain = pointPosition <= 0
            ? "0." + new string('0', -pointPosition) + digits
            : pointPosition >= digits.Length
                ? digits + new string('0', pointPosition - digits.Length)
                : string.Concat(digits.AsSpan(0, pointPosition), ".", digits.AsSpan(pointPosition));
        return negative ? "-" + plain : plain;
    }
}
