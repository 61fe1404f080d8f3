using System.Globalization;

namespace TradingBot.Backtesting.Reports;

/// <summary>A perceptually ordered dark-blue → green → yellow scale (the viridis anchor colours) for heatmap cells.</summary>
internal static class ColorScale
{
    private static readonly (double R, double G, double B)[] Stops =
    [
        (68, 1, 84), (59, 82, 139), (33, 145, 140), (94, 201, 98), (253, 231, 37),
    ];

    /// <summary>The colour at <paramref name="t"/> in [0, 1] as <c>#rrggbb</c> (clamped).</summary>
    public static string At(double t)
    {
        t = double.IsNaN(t) ? 0 : Math.Clamp(t, 0, 1);
        var position = t * (Stops.Length - 1);
        var index = Math.Min((int)position, Stops.Length - 2);
        var f = position - index;
        var (a, b) = (Stops[index], Stops[index + 1]);
        return string.Create(CultureInfo.InvariantCulture,
            $"#{Channel(a.R, b.R, f):x2}{Channel(a.G, b.G, f):x2}{Channel(a.B, b.B, f):x2}");
    }

    private static int Channel(double from, double to, double f) => (int)Math.Round(from + ((to - from) * f));
}
