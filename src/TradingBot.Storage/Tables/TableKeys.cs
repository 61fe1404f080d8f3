using System.Globalization;
using System.Text;

namespace TradingBot.Storage.Tables;

/// <summary>
/// Escapes text for PartitionKey/RowKey. Table Storage forbids <c>/ \ # ?</c> and control characters
/// (U+0000–U+001F, U+007F–U+009F) in keys, and Azurite does not enforce it; we also reserve <c>|</c> as the
/// separator of composite keys and <c>%</c> as the escape character. Each of those becomes <c>%XX</c> (UTF-16 code
/// unit in hex, <c>%uXXXX</c> above 0xFF), so escaping is reversible and keeps ordinary ids readable.
/// </summary>
public static class TableKeys
{
    public const char Separator = '|';

    public static string Escape(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (!value.Any(NeedsEscape))
        {
            return value;
        }

        var builder = new StringBuilder(value.Length + 8);
        foreach (var c in value)
        {
            if (!NeedsEscape(c))
            {
                builder.Append(c);
            }
            else if (c <= 0xFF)
            {
                builder.Append('%').Append(((int)c).ToString("X2", CultureInfo.InvariantCulture));
            }
            else
            {
                builder.Append("%u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
            }
        }

        return builder.ToString();
    }

    public static string Unescape(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (!value.Contains('%', StringComparison.Ordinal))
        {
            return value;
        }

        var builder = new StringBuilder(value.Length);
        for (var i = 0; i < value.Length; i++)
        {
            if (value[i] != '%')
            {
                builder.Append(value[i]);
                continue;
            }

            var wide = i + 1 < value.Length && value[i + 1] == 'u';
            var start = wide ? i + 2 : i + 1;
            var length = wide ? 4 : 2;
            if (start + length > value.Length
                || !int.TryParse(value.AsSpan(start, length), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var code))
            {
                throw new FormatException($"'{value}' has an invalid escape at position {i}.");
            }

            builder.Append((char)code);
            i = start + length - 1;
        }

        return builder.ToString();
    }

    /// <summary>Escaped parts joined by <see cref="Separator"/>.</summary>
    public static string Compose(params string[] parts) => string.Join(Separator, parts.Select(Escape));

    /// <summary>Whether <paramref name="key"/> is a legal key as is (the guard before every write).</summary>
    public static bool IsValid(string key) =>
        key.Length <= 1024 && !key.Any(c => c is '/' or '\\' or '#' or '?' || char.IsControl(c));

    /// <summary>Sortable key for a UTC time: <c>20260110T120000Z</c> (seconds) — lexical order = time order.</summary>
    public static string Time(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);

    /// <summary>Sortable key with 100 ns precision: <c>20260110T120000.1234567Z</c>.</summary>
    public static string PreciseTime(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'.'fffffff'Z'", CultureInfo.InvariantCulture);

    public static DateTimeOffset ParseTime(string key) =>
        DateTimeOffset.ParseExact(key, ["yyyyMMdd'T'HHmmss'Z'", "yyyyMMdd'T'HHmmss'.'fffffff'Z'"], CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);

    /// <summary>The UTC day of <paramref name="time"/>, <c>20260110</c> (partition key of day-partitioned tables).</summary>
    public static string Day(DateTimeOffset time) => time.UtcDateTime.ToString("yyyyMMdd", CultureInfo.InvariantCulture);

    private static bool NeedsEscape(char c) => c is '/' or '\\' or '#' or '?' or '%' or Separator || char.IsControl(c);
}
