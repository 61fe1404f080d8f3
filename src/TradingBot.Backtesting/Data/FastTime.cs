namespace TradingBot.Backtesting.Data;

/// <summary>Fast exact parser for the common ISO-8601 shapes: <c>yyyy-MM-dd</c>, <c>yyyy-MM-dd[T ]HH:mm[:ss[.fffffff]]</c>, optional <c>Z</c> or <c>±HH:mm</c>.</summary>
internal static class FastTime
{
    private static readonly TimeSpan MaxOffset = TimeSpan.FromHours(14);

    public static bool TryParseIso(ReadOnlySpan<char> s, out DateTimeOffset value)
    {
        value = default;
        if (s.Length < 10 || s[4] != '-' || s[7] != '-')
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
        if (s.Length > 10 && (s[10] == 'T' || s[10] == ' '))
        {
            if (s.Length < 16 || s[13] != ':' || !TryDigits(s, 11, 2, out hour) || !TryDigits(s, 14, 2, out minute))
            {
                return false;
            }

            i = 16;
            if (i < s.Length && s[i] == ':')
            {
                if (!TryDigits(s, 17, 2, out second))
                {
                    return false;
                }

                i = 19;
                if (i < s.Length && s[i] == '.')
                {
                    i++;
                    var scale = TimeSpan.TicksPerSecond;
                    var start = i;
                    while (i < s.Length && char.IsAsciiDigit(s[i]))
                    {
                        scale /= 10;
                        fractionTicks += (s[i] - '0') * scale;
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
            if (s[i] == 'Z' && i == s.Length - 1)
            {
                i++;
            }
            else if ((s[i] == '+' || s[i] == '-') && s.Length - i == 6 && s[i + 3] == ':'
                && TryDigits(s, i + 1, 2, out var oh) && TryDigits(s, i + 4, 2, out var om) && om <= 59)
            {
                offset = new TimeSpan(oh, om, 0) * (s[i] == '-' ? -1 : 1);
                i = s.Length;
            }
            else
            {
                return false;
            }
        }

        if (month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(Math.Clamp(year, 1, 9999), month)
            || hour > 23 || minute > 59 || second > 59 || year < 1)
        {
            return false;
        }

        // DateTimeOffset accepts offsets up to ±14:00 and instants inside DateTime's range; anything else is not a time.
        var local = new DateTime(year, month, day, hour, minute, second, DateTimeKind.Unspecified).AddTicks(fractionTicks);
        var utcTicks = local.Ticks - offset.Ticks;
        if (offset.Duration() > MaxOffset || utcTicks < DateTime.MinValue.Ticks || utcTicks > DateTime.MaxValue.Ticks)
        {
            return false;
        }

        value = new DateTimeOffset(local, offset).ToUniversalTime();
        return true;
    }

    private static bool TryDigits(ReadOnlySpan<char> s, int start, int count, out int value)
    {
        value = 0;
        if (start + count > s.Length)
        {
            return false;
        }

        for (var k = start; k < start + count; k++)
        {
            var d = s[k] - '0';
            if ((uint)d > 9)
            {
                return false;
            }

            value = (value * 10) + d;
        }

        return true;
    }
}
