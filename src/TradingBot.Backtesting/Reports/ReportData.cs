using System.Buffers;
using System.Text;
using System.Text.Json;
using TradingBot.Backtesting.Engine;

namespace TradingBot.Backtesting.Reports;

/// <summary>
/// The JSON data island of one backtest section (<c>&lt;script type="application/json" data-report-data&gt;</c>),
/// read by the page script. Series are columnar arrays over the chart buckets; trades are columnar arrays over every
/// closed trade with exact decimals as strings, times as Unix milliseconds and their chart bucket; repeated reason
/// texts are stored once in <c>reasons</c>. NaN is written as null. The writer's default encoder escapes
/// <c>&lt; &gt; &amp; ' "</c> and non-ASCII, so no data can close the script element.
/// </summary>
internal static class ReportData
{
    public const int Schema = 1;

    public static string ToJson(BacktestResult result, ChartBuckets buckets, IReadOnlyList<ReportEvent> events)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            Write(writer, result, buckets, events);
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static void Write(Utf8JsonWriter writer, BacktestResult result, ChartBuckets buckets, IReadOnlyList<ReportEvent> events)
    {
        writer.WriteStartObject();
        writer.WriteNumber("schema", Schema);
        writer.WriteString("strategy", result.Strategy);
        writer.WriteString("parameters", result.Parameters);
        writer.WriteNumber("bars", buckets.Bars);
        writer.WriteNumber("barsPerBucket", buckets.BarsPerBucket);
        writer.WriteBoolean("intraday", buckets.Time.Any(t => t % 86_400 != 0));
        writer.WriteNumber("pricePrecision", PricePrecision(buckets));

        writer.WriteStartObject("candles");
        WriteArray(writer, "time", buckets.Time);
        WriteArray(writer, "open", buckets.Open);
        WriteArray(writer, "high", buckets.High);
        WriteArray(writer, "low", buckets.Low);
        WriteArray(writer, "close", buckets.Close);
        writer.WriteEndObject();

        WriteArray(writer, "equity", buckets.Last(result.Equity));
        WriteArray(writer, "drawdownPct", buckets.Max(result.Drawdown).Select(d => -d * 100).ToArray());
        writer.WriteStartArray("plots");
        foreach (var (name, values) in result.Plots)
        {
            writer.WriteStartObject();
            writer.WriteString("name", name);
            WriteArray(writer, "values", buckets.Last(values));
            writer.WriteEndObject();
        }

        writer.WriteEndArray();

        var reasons = new List<string>();
        var reasonIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        int Reason(string? text)
        {
            if (text is null)
            {
                return -1;
            }

            if (!reasonIndex.TryGetValue(text, out var index))
            {
                index = reasons.Count;
                reasons.Add(text);
                reasonIndex.Add(text, index);
            }

            return index;
        }

        var trades = result.Trades;
        writer.WriteStartObject("trades");
        writer.WriteNumber("count", trades.Count);
        WriteColumn(writer, "size", trades, (w, t) => w.WriteStringValue(Html.Decimal(t.Size)));
        WriteColumn(writer, "entryBar", trades, (w, t) => w.WriteNumberValue(t.EntryBar));
        WriteColumn(writer, "exitBar", trades, (w, t) => w.WriteNumberValue(t.ExitBar));
        WriteColumn(writer, "entryTime", trades, (w, t) => w.WriteNumberValue(t.EntryTime.ToUnixTimeMilliseconds()));
        WriteColumn(writer, "exitTime", trades, (w, t) => w.WriteNumberValue(t.ExitTime.ToUnixTimeMilliseconds()));
        WriteColumn(writer, "entryPrice", trades, (w, t) => w.WriteStringValue(Html.Decimal(t.EntryPrice)));
        WriteColumn(writer, "exitPrice", trades, (w, t) => w.WriteStringValue(Html.Decimal(t.ExitPrice)));
        WriteColumn(writer, "pnl", trades, (w, t) => w.WriteStringValue(Html.Decimal(t.PnL)));
        WriteColumn(writer, "returnPct", trades, (w, t) => WriteValue(w, (double)t.ReturnPct * 100));
        WriteColumn(writer, "commission", trades, (w, t) => w.WriteStringValue(Html.Decimal(t.Commission)));
        WriteColumn(writer, "stopLoss", trades, (w, t) => WriteOptional(w, t.StopLoss));
        WriteColumn(writer, "takeProfit", trades, (w, t) => WriteOptional(w, t.TakeProfit));
        WriteColumn(writer, "entryReason", trades, (w, t) => w.WriteNumberValue(Reason(t.EntryReason)));
        WriteColumn(writer, "exitReason", trades, (w, t) => w.WriteNumberValue(Reason(BacktestJson.ExitReasonName(t.ExitReason))));
        WriteColumn(writer, "entryBucket", trades, (w, t) => w.WriteNumberValue(buckets.BucketOf(t.EntryBar)));
        WriteColumn(writer, "exitBucket", trades, (w, t) => w.WriteNumberValue(buckets.BucketOf(t.ExitBar)));
        writer.WriteEndObject();

        writer.WriteStartArray("reasons");
        foreach (var reason in reasons)
        {
            writer.WriteStringValue(reason);
        }

        writer.WriteEndArray();

        writer.WriteStartArray("events");
        foreach (var e in events)
        {
            writer.WriteStartObject();
            if (e.Bar is { } bar && bar >= 0 && bar < buckets.Bars)
            {
                writer.WriteNumber("bar", bar);
                writer.WriteNumber("bucket", buckets.BucketOf(bar));
            }
            else
            {
                writer.WriteNull("bar");
                writer.WriteNull("bucket");
            }

            writer.WriteString("kind", e.Kind);
            writer.WriteString("text", e.Text);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    /// <summary>Decimal places the price axis shows: the most any drawn price carries (at most 10).</summary>
    private static int PricePrecision(ChartBuckets buckets)
    {
        var scale = 0;
        for (var i = 0; i < buckets.Count; i++)
        {
            scale = Math.Max(scale, Math.Max(Math.Max(buckets.Open[i].Scale, buckets.High[i].Scale), Math.Max(buckets.Low[i].Scale, buckets.Close[i].Scale)));
        }

        return Math.Min(scale, 10);
    }

    private static void WriteColumn(Utf8JsonWriter writer, string name, IReadOnlyList<BacktestTrade> trades, Action<Utf8JsonWriter, BacktestTrade> value)
    {
        writer.WriteStartArray(name);
        foreach (var trade in trades)
        {
            value(writer, trade);
        }

        writer.WriteEndArray();
    }

    private static void WriteArray(Utf8JsonWriter writer, string name, long[] values)
    {
        writer.WriteStartArray(name);
        foreach (var v in values)
        {
            writer.WriteNumberValue(v);
        }

        writer.WriteEndArray();
    }

    private static void WriteArray(Utf8JsonWriter writer, string name, decimal[] values)
    {
        writer.WriteStartArray(name);
        foreach (var v in values)
        {
            writer.WriteNumberValue(v);
        }

        writer.WriteEndArray();
    }

    private static void WriteArray(Utf8JsonWriter writer, string name, double[] values)
    {
        writer.WriteStartArray(name);
        foreach (var v in values)
        {
            WriteValue(writer, v);
        }

        writer.WriteEndArray();
    }

    private static void WriteValue(Utf8JsonWriter writer, double value)
    {
        if (double.IsFinite(value))
        {
            writer.WriteNumberValue(value);
        }
        else
        {
            writer.WriteNullValue();
        }
    }

    private static void WriteOptional(Utf8JsonWriter writer, decimal? value)
    {
        if (value is { } v)
        {
            writer.WriteStringValue(Html.Decimal(v));
        }
        else
        {
            writer.WriteNullValue();
        }
    }
}
