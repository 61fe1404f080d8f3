using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Spectre.Console;
using TradingBot.Core.Exchange;
using TradingBot.Core.Market;

namespace TradingBot.Cli.Output;

/// <summary>Prints unified venue records as tables or as JSON (decimals as exact strings, symbols as <c>BASE/QUOTE</c>).</summary>
internal static class VenueOutput
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Converters = { new DecimalAsString(), new SymbolJsonConverter(), new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    public static void WriteJson<T>(IAnsiConsole console, T value) => console.WriteLine(JsonSerializer.Serialize(value, Json));

    public static void Markets(IAnsiConsole console, IEnumerable<Market> markets)
    {
        var table = new Table().Border(TableBorder.Rounded);
        foreach (var column in new[] { "Symbol", "Id", "Active", "Amount step", "Price tick", "Min amount", "Max amount", "Min cost" })
        {
            table.AddColumn(column);
        }

        foreach (var m in markets)
        {
            table.AddRow(Cells(m.Symbol.ToString(), m.Id, m.Active ? "yes" : "no", W(m.Precision.AmountStep), W(m.Precision.PriceTick),
                W(m.Limits.Amount.Min), W(m.Limits.Amount.Max), W(m.Limits.Cost.Min)));
        }

        console.Write(table);
    }

    public static void Ticker(IAnsiConsole console, Ticker t) => Pairs(console, $"{t.Symbol} at {Time(t.Timestamp)}",
        ("Bid", W(t.Bid)), ("Bid volume", W(t.BidVolume)), ("Ask", W(t.Ask)), ("Ask volume", W(t.AskVolume)), ("Last", W(t.Last)),
        ("Open", W(t.Open)), ("High", W(t.High)), ("Low", W(t.Low)), ("Change", W(t.Change)), ("Base volume", W(t.BaseVolume)),
        ("Quote volume", W(t.QuoteVolume)), ("VWAP", W(t.Vwap)));

    public static void Book(IAnsiConsole console, OrderBook book)
    {
        var table = new Table().Border(TableBorder.Rounded).Title(Markup.Escape($"{book.Symbol} order book"));
        foreach (var column in new[] { "Bid amount", "Bid", "Ask", "Ask amount" })
        {
            table.AddColumn(column);
        }

        for (var i = 0; i < Math.Max(book.Bids.Count, book.Asks.Count); i++)
        {
            var bid = i < book.Bids.Count ? book.Bids[i] : (OrderBookLevel?)null;
            var ask = i < book.Asks.Count ? book.Asks[i] : (OrderBookLevel?)null;
            table.AddRow(Cells(W(bid?.Amount), W(bid?.Price), W(ask?.Price), W(ask?.Amount)));
        }

        console.Write(table);
    }

    public static void Candles(IAnsiConsole console, IReadOnlyList<Candle> candles)
    {
        var table = new Table().Border(TableBorder.Rounded);
        foreach (var column in new[] { "Time (UTC)", "Open", "High", "Low", "Close", "Volume" })
        {
            table.AddColumn(column);
        }

        foreach (var c in candles)
        {
            table.AddRow(Cells(Time(c.Time), W(c.Open), W(c.High), W(c.Low), W(c.Close), W(c.Volume)));
        }

        console.Write(table);
        console.MarkupLineInterpolated($"{candles.Count} candle(s)");
    }

    public static void Balance(IAnsiConsole console, Balance balance)
    {
        var table = new Table().Border(TableBorder.Rounded);
        foreach (var column in new[] { "Currency", "Free", "Used", "Total" })
        {
            table.AddColumn(column);
        }

        foreach (var (currency, b) in balance.Currencies.Where(kv => kv.Value.Total != 0m).OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            table.AddRow(Cells(currency, W(b.Free), W(b.Used), W(b.Total)));
        }

        console.Write(table);
    }

    public static void Order(IAnsiConsole console, Order o) => Pairs(console, $"Order {o.Id}",
        ("Client order id", o.ClientOrderId), ("Symbol", o.Symbol.ToString()), ("Side", o.Side.ToString().ToLowerInvariant()),
        ("Type", o.Type.ToString().ToLowerInvariant() + (o.PostOnly ? " (post-only)" : "")), ("Status", o.Status.ToString().ToLowerInvariant()),
        ("Price", W(o.Price)), ("Amount", W(o.Amount)), ("Filled", W(o.Filled)), ("Remaining", W(o.Remaining)), ("Average", W(o.Average)),
        ("Cost", W(o.Cost)), ("Fees", o.Fees.Count == 0 ? "" : string.Join(", ", o.Fees.Select(f => $"{W(f.Cost)} {f.Currency}"))),
        ("Time (UTC)", o.Timestamp is { } t ? Time(t) : ""));

    public static void Orders(IAnsiConsole console, IReadOnlyList<Order> orders)
    {
        var table = new Table().Border(TableBorder.Rounded);
        foreach (var column in new[] { "Id", "Client order id", "Symbol", "Side", "Type", "Status", "Price", "Amount", "Filled" })
        {
            table.AddColumn(column);
        }

        foreach (var o in orders)
        {
            table.AddRow(Cells(o.Id, o.ClientOrderId, o.Symbol.ToString(), o.Side.ToString().ToLowerInvariant(), o.Type.ToString().ToLowerInvariant(),
                o.Status.ToString().ToLowerInvariant(), W(o.Price), W(o.Amount), W(o.Filled)));
        }

        console.Write(table);
        console.MarkupLineInterpolated($"{orders.Count} order(s)");
    }

    public static void Trades(IAnsiConsole console, IReadOnlyList<Trade> trades)
    {
        var table = new Table().Border(TableBorder.Rounded);
        foreach (var column in new[] { "Time (UTC)", "Id", "Order", "Symbol", "Side", "Price", "Amount", "Cost", "Fee" })
        {
            table.AddColumn(column);
        }

        foreach (var t in trades)
        {
            table.AddRow(Cells(Time(t.Timestamp), t.Id, t.OrderId, t.Symbol.ToString(), t.Side.ToString().ToLowerInvariant(), W(t.Price), W(t.Amount),
                W(t.Cost), t.Fee is { } f ? $"{W(f.Cost)} {f.Currency}" : ""));
        }

        console.Write(table);
        console.MarkupLineInterpolated($"{trades.Count} trade(s)");
    }

    private static void Pairs(IAnsiConsole console, string title, params (string Name, string Value)[] rows)
    {
        var table = new Table().Border(TableBorder.Rounded).Title(Markup.Escape(title));
        table.AddColumn("Field");
        table.AddColumn("Value");
        foreach (var (name, value) in rows.Where(r => r.Value.Length > 0))
        {
            table.AddRow(Cells(name, value));
        }

        console.Write(table);
    }

    private static string[] Cells(params string[] values) => [.. values.Select(Markup.Escape)];

    private static string W(decimal? value) => value is { } v ? Precision.ToWire(v) : "";

    private static string Time(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);

    private sealed class DecimalAsString : JsonConverter<decimal>
    {
        public override decimal Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            reader.TokenType == JsonTokenType.String ? Precision.Parse(reader.GetString(), "decimal") : reader.GetDecimal();

        public override void Write(Utf8JsonWriter writer, decimal value, JsonSerializerOptions options) => writer.WriteStringValue(Precision.ToWire(value));
    }
}
