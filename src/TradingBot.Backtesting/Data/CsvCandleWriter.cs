using System.Globalization;
using TradingBot.Core.Market;

namespace TradingBot.Backtesting.Data;

/// <summary>Writes candles as <c>timestamp,open,high,low,close,volume</c> with ISO-8601 UTC times and exact decimals.</summary>
public static class CsvCandleWriter
{
    public const string Header = "timestamp,open,high,low,close,volume";

    public static int Write(TextWriter writer, IEnumerable<Candle> candles)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(candles);
        writer.Write(Header);
        writer.Write('\n');
        var count = 0;
        Span<char> buffer = stackalloc char[256];
        foreach (var c in candles)
        {
            var ok = buffer.TryWrite(CultureInfo.InvariantCulture,
                $"{c.Time.UtcDateTime:yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'},{c.Open},{c.High},{c.Low},{c.Close},{c.Volume}\n", out var written);
            if (!ok)
            {
                throw new InvalidOperationException("Candle row does not fit the write buffer.");
            }

            writer.Write(buffer[..written]);
            count++;
        }

        return count;
    }
}
