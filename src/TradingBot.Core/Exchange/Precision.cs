using System.Globalization;

namespace TradingBot.Core.Exchange;

/// <summary>CCXT TICK_SIZE precision on decimals: truncate amounts to the step, round prices to the tick, format for the wire.</summary>
public static class Precision
{
    /// <summary>The largest multiple of <paramref name="step"/> not above |x|, with x's sign (TRUNCATE toward zero).</summary>
    public static decimal Truncate(decimal x, decimal step)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(step);
        return decimal.Truncate(x / step) * step;
    }

    /// <summary>The nearest multiple of <paramref name="step"/>, halves away from zero (ROUND).</summary>
    public static decimal Round(decimal x, decimal step)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(step);
        return Math.Round(x / step, MidpointRounding.AwayFromZero) * step;
    }

    /// <summary>The multiple of <paramref name="step"/> at or below x.</summary>
    public static decimal Floor(decimal x, decimal step)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(step);
        return Math.Floor(x / step) * step;
    }

    /// <summary>The multiple of <paramref name="step"/> at or above x.</summary>
    public static decimal Ceiling(decimal x, decimal step)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(step);
        return Math.Ceiling(x / step) * step;
    }

    /// <summary>Invariant plain notation without exponent or trailing zeros: <c>0.00012</c>, <c>97000.1</c>, <c>5</c>.</summary>
    public static string ToWire(decimal value)
    {
        var text = value.ToString(CultureInfo.InvariantCulture);
        if (text.Contains('.', StringComparison.Ordinal))
        {
            text = text.TrimEnd('0').TrimEnd('.');
        }

        return text == "-0" ? "0" : text;
    }

    /// <summary>Parses a venue's decimal string exactly (plain or exponent notation); throws <see cref="BadResponse"/> otherwise.</summary>
    public static decimal Parse(string? text, string field)
    {
        if (text is not null && decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }

        throw new BadResponse($"The venue sent '{text ?? "null"}' for {field}, which is not a number.");
    }
}
