using System.Diagnostics.CodeAnalysis;

namespace TradingBot.Core.Market;

/// <summary>A market in CCXT's unified notation: <c>BASE/QUOTE</c>, e.g. <c>BTC/USDT</c>.</summary>
/// <remarks>Venue spellings (<c>BTCUSDT</c>, <c>BTC-USD</c>) live only inside each venue's mapper.</remarks>
public readonly record struct Symbol
{
    public Symbol(string @base, string quote)
    {
        Base = Normalize(@base, nameof(@base));
        Quote = Normalize(quote, nameof(quote));
    }

    public string Base { get; }

    public string Quote { get; }

    public override string ToString() => $"{Base}/{Quote}";

    /// <summary>Parses <c>BTC/USDT</c> (unified) or <c>BTC-USDT</c> (dash form used in URLs and table keys).</summary>
    public static Symbol Parse(string text) =>
        TryParse(text, out var symbol)
            ? symbol
            : throw new FormatException($"'{text}' is not a symbol; expected BASE/QUOTE such as BTC/USDT.");

    public static bool TryParse([NotNullWhen(true)] string? text, out Symbol symbol)
    {
        symbol = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var separator = text.IndexOfAny(['/', '-']);
        if (separator <= 0 || separator == text.Length - 1 || text.IndexOfAny(['/', '-'], separator + 1) >= 0)
        {
            return false;
        }

        var @base = text[..separator].Trim();
        var quote = text[(separator + 1)..].Trim();
        if (!IsCode(@base) || !IsCode(quote))
        {
            return false;
        }

        symbol = new Symbol(@base, quote);
        return true;
    }

    /// <summary>The dash form, safe in URLs and Table Storage keys: <c>BTC-USDT</c>.</summary>
    public string ToKey() => $"{Base}-{Quote}";

    private static bool IsCode(string code) => code.Length is > 0 and <= 20 && code.All(char.IsAsciiLetterOrDigit);

    private static string Normalize(string code, string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(code, name);
        var trimmed = code.Trim();
        return IsCode(trimmed)
            ? trimmed.ToUpperInvariant()
            : throw new ArgumentException($"'{code}' is not a currency code (1-20 ASCII letters or digits).", name);
    }
}
