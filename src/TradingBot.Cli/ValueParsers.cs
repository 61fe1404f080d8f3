using System.Globalization;

namespace TradingBot.Cli;

/// <summary>Parsing of the CLI's value syntaxes: fractions with an optional % sign, name=value pairs, ranges.</summary>
public static class ValueParsers
{
    /// <summary><c>0.001</c> or <c>0.1%</c> → 0.001.</summary>
    public static decimal Fraction(string text, string option)
    {
        var trimmed = text.Trim();
        var percent = trimmed.EndsWith('%');
        var number = percent ? trimmed[..^1] : trimmed;
        if (!decimal.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
        {
            throw new UsageException($"{option}: '{text}' is not a number (use 0.001 or 0.1%).");
        }

        return percent ? value / 100m : value;
    }

    public static decimal Decimal(string text, string option) =>
        decimal.TryParse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new UsageException($"{option}: '{text}' is not a number.");

    /// <summary><c>name=value</c>.</summary>
    public static KeyValuePair<string, string> Pair(string text, string option)
    {
        var equals = text.IndexOf('=', StringComparison.Ordinal);
        if (equals <= 0 || equals == text.Length - 1)
        {
            throw new UsageException($"{option}: '{text}' must look like name=value.");
        }

        return new(text[..equals].Trim(), text[(equals + 1)..].Trim());
    }

    public static double Number(string text, string context) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value)
            ? value
            : throw new UsageException($"{context}: '{text}' is not a number.");

    /// <summary>
    /// Values of an optimisation range: <c>5..45:5</c> (from..to:step, inclusive), <c>5..45</c> (step 1) or a list
    /// <c>5,10,20</c>; a single value is a one-element range.
    /// </summary>
    public static IReadOnlyList<double> Range(string text, string context)
    {
        if (text.Contains("..", StringComparison.Ordinal))
        {
            var parts = text.Split("..", 2);
            var upperAndStep = parts[1].Split(':', 2);
            var from = Number(parts[0], context);
            var to = Number(upperAndStep[0], context);
            var step = upperAndStep.Length == 2 ? Number(upperAndStep[1], context) : 1.0;
            if (step <= 0)
            {
                throw new UsageException($"{context}: the step of '{text}' must be positive.");
            }

            if (to < from)
            {
                throw new UsageException($"{context}: '{text}' ends before it starts.");
            }

            var values = new List<double>();
            for (var k = 0; ; k++)
            {
                var value = Math.Round(from + (k * step), 10);
                if (value > to + 1e-9)
                {
                    break;
                }

                values.Add(value);
                if (values.Count > 100_000)
                {
                    throw new UsageException($"{context}: '{text}' has more than 100,000 values.");
                }
            }

            return values;
        }

        return [.. text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(v => Number(v, context))];
    }
}
