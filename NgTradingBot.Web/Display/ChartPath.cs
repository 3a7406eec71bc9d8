using System.Globalization;

namespace NgTradingBot.Web.Display;

/// <summary>The points of an SVG polyline for a series, scaled to fill a width and height (SVG's y grows downwards).</summary>
public static class ChartPath
{
    public static string Points(IReadOnlyList<double> values, double width, double height)
    {
        if (values.Count == 0)
        {
            return "";
        }

        var (min, max) = (values.Min(), values.Max());
        // A flat series is drawn across the middle rather than divided by a zero range.
        var range = max - min;
        var step = values.Count > 1 ? width / (values.Count - 1) : 0;
        return string.Join(' ', values.Select((value, i) =>
        {
            var y = range == 0 ? height / 2 : height - (value - min) / range * height;
            return string.Create(CultureInfo.InvariantCulture, $"{Math.Round(i * step, 1)},{Math.Round(y, 1)}");
        }));
    }
}
