using System.Numerics;
using System.Runtime.CompilerServices;

namespace TradingBot.Backtesting.Data;

/// <summary>
/// Fast exact parser for the common ISO-8601 shapes, from UTF-16 or UTF-8 text: <c>yyyy-MM-dd</c>,
/// <c>yyyy-MM-dd[T ]HH:mm[:ss[.fffffff]]</c>, optional <c>Z</c> or <c>±HH:mm</c>. No zone means UTC.
/// </summary>
internal static class FastTime
{
    public static bool TryParseIso(ReadOnlySpan<char> s, out DateTimeOffset value) => TryParseCore(s, out value);

    public static bool TryParseIso(ReadOnlySpan<byte> utf8, out DateTimeOffset value) => TryParseCore(utf8, out value);

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static bool TryParseCore<T>(ReadOnlySpan<T> s, out DateTimeOffset value)
        where T : unmanaged, IBinaryInteger<T>
    {
        value = default;
        if (s.Length < 10 || At(s, 4) != '-' || At(s, 7) != '-')
        {
            return false;
        }

        if (!TryDigits(s, 0, 4, out var year) || !TryDigits(s, 5, 2, out var month) || !TryDigits(s, 8, 2, out var day))
        {
            return false;
        }

        int hour = 0, minute = 0, second = 0;
        long fractionTicks = 0;
        var i = 10;
        if (s.Length > 10 && At(s, 10) is 'T' or ' ')
        {
            if (s.Length < 16 || At(s, 13) != ':' || !TryDigits(s, 11, 2, out hour) || !TryDigits(s, 14, 2, out minute))
            {
                return false;
            }

            i = 16;
            if (i < s.Length && At(s, i) == ':')
            {
                if (!TryDigits(s, 17, 2, out second))
                {
                    return false;
                }

                i = 19;
                if (i < s.Length && At(s, i) == '.')
                {
                    i++;
                    var scale = TimeSpan.TicksPerSecond;
                    var start = i;
                    while (i < s.Length && unchecked((uint)(At(s, i) - '0')) <= 9)
                    {
                        scale /= 10;
                        fractionTicks += (At(s, i) - '0') * scale;
                        i++;
                    }

                    if (i == start)
                    {
                        return false;
                    }
                }
            }
        }

        var offset = TimeSpan.Zero;
        if (i < s.Length)
        {
            var c = At(s, i);
            if (c == 'Z' && i == s.Length - 1)
            {
                i++;
            }
            else if ((c == '+' || c == '-') && s.Length - i == 6 && At(s, i + 3) == ':'
                && TryDigits(s, i + 1, 2, out var oh) && TryDigits(s, i + 4, 2, out var om) && om <= 59 && (oh * 60) + om <= 14 * 60)
            {
                offset = new TimeSpan(oh, om, 0) * (c == '-' ? -1 : 1);
            }
            else
            {
                return false;
            }
        }

        if (year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month)
            || hour > 23 || minute > 59 || second > 59)
        {
            return false;
        }

        var ticks = new DateTime(year, month, day, hour, minute, second, DateTimeKind.Unspecified).Ticks + fractionTicks - offset.Ticks;
        if (ticks < DateTime.MinValue.Ticks || ticks > DateTime.MaxValue.Ticks)
        {
            return false;
        }

        value = new DateTimeOffset(ticks, TimeSpan.Zero);
        return true;
    }

    private static int At<T>(ReadOnlySpan<T> s, int index)
        where T : unmanaged, IBinaryInteger<T> => int.CreateTruncating(s[index]);

    private static bool TryDigits<T>(ReadOnlySpan<T> s, int start, int count, out int value)
        where T : unmanaged, IBinaryInteger<T>
    {
        value = 0;
        if (start + count > s.Length)
        {
            return false;
        }

        for (var k = start; k < start + count; k++)
        {
            var d = At(s, k) - '0';
            if ((uint)d > 9)
            {
                return false;
            }

            value = (value * 10) + d;
        }

        return true;
    }
}
