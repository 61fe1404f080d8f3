using System.Globalization;
using TradingBot.Backtesting.Statistics;

namespace TradingBot.Backtesting.Reports;

/// <summary>
/// Draws a <see cref="HeatmapGrid"/> as an inline SVG figure: x = first parameter, y = second (larger values up),
/// colour = score, the best cell outlined, every cell carrying its values in a native tooltip and a
/// <c>data-label</c> the page shows on hover. Server-rendered, so it needs no script to read.
/// </summary>
internal static class HeatmapSvg
{
    private const int Left = 64;
    private const int Top = 8;
    private const int Bottom = 44;
    private const int LegendWidth = 70;

    public static void Write(TextWriter writer, HeatmapGrid grid, string statistic, string id, (double X, double Y)? best)
    {
        var nx = grid.XValues.Length;
        var ny = grid.YValues.Length;
        var cw = Math.Clamp(640 / nx, 12, 56);
        var ch = Math.Clamp(360 / ny, 12, 36);
        var width = Left + (nx * cw) + LegendWidth;
        var height = Top + (ny * ch) + Bottom;
        var (min, max) = grid.Range();
        var caption = grid.YName is null
            ? $"{statistic} by {grid.XName}"
            : $"{statistic} by {grid.XName} (x) and {grid.YName} (y)";

        writer.Write($"<figure class=\"heatmap\" data-heatmap id=\"{Html.Encode(id)}\"><figcaption>{Html.Encode(caption)}</figcaption>\n");
        writer.Write(Invariant($"<svg width=\"{width}\" height=\"{height}\" viewBox=\"0 0 {width} {height}\" role=\"img\" aria-label=\"{Html.Encode(caption)}\">\n"));
        writer.Write(Invariant($"<defs><linearGradient id=\"{Html.Encode(id)}-scale\" x1=\"0\" y1=\"1\" x2=\"0\" y2=\"0\">"));
        for (var k = 0; k <= 4; k++)
        {
            writer.Write(Invariant($"<stop offset=\"{k / 4.0}\" stop-color=\"{ColorScale.At(k / 4.0)}\"/>"));
        }

        writer.Write("</linearGradient></defs>\n");
        var xLabelEvery = Math.Max(1, (int)Math.Ceiling(30.0 / cw));
        var yLabelEvery = Math.Max(1, (int)Math.Ceiling(14.0 / ch));
        for (var i = 0; i < nx; i++)
        {
            for (var j = 0; j < ny; j++)
            {
                var x = Left + (i * cw);
                var y = Top + ((ny - 1 - j) * ch);
                var value = grid.Values[i, j];
                var runs = grid.Runs[i, j];
                var fill = runs == 0 ? "#ffffff" : double.IsNaN(value) ? "#d1d9e0" : ColorScale.At(max > min ? (value - min) / (max - min) : 1);
                var label = Label(grid, i, j, statistic);
                var isBest = best is { } b && grid.XValues[i] == b.X && (grid.YName is null || grid.YValues[j] == b.Y);
                var stroke = isBest ? " stroke=\"#cf222e\" stroke-width=\"2.5\"" : runs == 0 ? " stroke=\"#eaeef2\"" : string.Empty;
                writer.Write(Invariant($"<rect class=\"cell\" x=\"{x}\" y=\"{y}\" width=\"{cw}\" height=\"{ch}\" fill=\"{fill}\"{stroke} data-value=\"{Html.Number(value)}\" data-runs=\"{runs}\" data-label=\"{Html.Encode(label)}\"><title>{Html.Encode(label)}</title></rect>\n"));
            }
        }

        for (var i = 0; i < nx; i += xLabelEvery)
        {
            writer.Write(Invariant($"<text x=\"{Left + (i * cw) + (cw / 2)}\" y=\"{Top + (ny * ch) + 14}\" text-anchor=\"middle\">{Html.Encode(Html.Number(grid.XValues[i]))}</text>\n"));
        }

        writer.Write(Invariant($"<text x=\"{Left + (nx * cw / 2)}\" y=\"{Top + (ny * ch) + 34}\" text-anchor=\"middle\" font-weight=\"600\">{Html.Encode(grid.XName)}</text>\n"));
        if (grid.YName is not null)
        {
            for (var j = 0; j < ny; j += yLabelEvery)
            {
                writer.Write(Invariant($"<text x=\"{Left - 6}\" y=\"{Top + ((ny - 1 - j) * ch) + (ch / 2) + 4}\" text-anchor=\"end\">{Html.Encode(Html.Number(grid.YValues[j]))}</text>\n"));
            }

            writer.Write(Invariant($"<text x=\"12\" y=\"{Top + (ny * ch / 2)}\" text-anchor=\"middle\" font-weight=\"600\" transform=\"rotate(-90 12 {Top + (ny * ch / 2)})\">{Html.Encode(grid.YName)}</text>\n"));
        }

        var legendX = Left + (nx * cw) + 14;
        var legendHeight = ny * ch;
        writer.Write(Invariant($"<rect x=\"{legendX}\" y=\"{Top}\" width=\"12\" height=\"{legendHeight}\" fill=\"url(#{Html.Encode(id)}-scale)\"/>\n"));
        writer.Write(Invariant($"<text x=\"{legendX + 16}\" y=\"{Top + 10}\">{Html.Encode(Short(max))}</text>\n"));
        writer.Write(Invariant($"<text x=\"{legendX + 16}\" y=\"{Top + legendHeight}\">{Html.Encode(Short(min))}</text>\n"));
        writer.Write("</svg>\n<output aria-live=\"polite\">Hover a cell for its values.</output></figure>\n");
    }

    private static string Label(HeatmapGrid grid, int i, int j, string statistic)
    {
        var where = grid.YName is null
            ? $"{grid.XName} = {Html.Number(grid.XValues[i])}"
            : $"{grid.XName} = {Html.Number(grid.XValues[i])}, {grid.YName} = {Html.Number(grid.YValues[j])}";
        var runs = grid.Runs[i, j];
        return runs == 0
            ? $"{where}: not run (excluded by the constraint or not a valid parameter set)"
            : $"{where}: {statistic} = {StatisticDefinitions.Number(grid.Values[i, j])} (best of {runs.ToString(CultureInfo.InvariantCulture)} run{(runs == 1 ? string.Empty : "s")})";
    }

    private static string Short(double value) => double.IsNaN(value) ? "NaN" : value.ToString("G4", CultureInfo.InvariantCulture);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
