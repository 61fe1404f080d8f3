using System.Numerics;
using System.Runtime.CompilerServices;

namespace TradingBot.Backtesting.Data;

/// <summary>
/// Parses plain decimal literals (<c>-123.4500</c>) into <see cref="decimal"/> exactly, about 10x faster than
/// <see cref="decimal.Parse(string)"/>, from UTF-16 or UTF-8 text. Anything else (exponents, more than 18
/// significant digits) is declined and left to the framework parser.
/// </summary>
internal static class FastDecimal
{
    public static bool TryParse(ReadOnlySpan<char> text, out decimal value) => TryParseCore(text, out value);

    public static bool TryParse(ReadOnlySpan<byte> utf8, out decimal value) => TryParseCore(utf8, out value);

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static bool TryParseCore<T>(ReadOnlySpan<T> text, out decimal value)
        where T : unmanaged, IBinaryInteger<T>
    {
        value = 0m;
        var i = 0;
        var negative = false;
        if (text.Length > 0)
        {
            var first = int.CreateTruncating(text[0]);
            if (first is '-' or '+')
            {
                negative = first == '-';
                i = 1;
            }
        }

        ulong mantissa = 0;
        var digits = 0;
        var scale = -1;
        var any = false;
        for (; i < text.Length; i++)
        {
            var c = int.CreateTruncating(text[i]);
            if (c == '.')
            {
                if (scale >= 0)
                {
                    return false;
                }

                scale = 0;
                continue;
            }

            var d = unchecked((uint)(c - '0')); // characters below '0' wrap to large values and are declined below
            if (d > 9)
            {
                return false;
            }

            any = true;
            if (mantissa == 0 && d == 0 && scale < 0)
            {
                continue;
            }

            if (++digits > 18)
            {
                return false;
            }

            mantissa = (mantissa * 10) + d;
            if (scale >= 0)
            {
                scale++;
            }
        }

        if (!any || scale > 28)
        {
            return false;
        }

        // The two 32-bit halves are passed as bit patterns: a half at or above 2^31 is a negative int, not an overflow.
        value = new decimal(unchecked((int)(uint)mantissa), unchecked((int)(uint)(mantissa >> 32)), 0, negative, (byte)Math.Max(scale, 0));
        return true;
    }
}
