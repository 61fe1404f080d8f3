using System.Collections.Immutable;
using Azure.Data.Tables;
using TradingBot.Core.Exchange;
using TradingBot.Core.Execution;
using TradingBot.Core.Market;
using TradingBot.Core.Messages;
using TradingBot.Core.Risk;
using TradingBot.Storage.Config;
using TradingBot.Storage.Ledger;
using TradingBot.Storage.Paper;
using TradingBot.Storage.Risk;
using TradingBot.Storage.Tables;
using TradingBot.Testing;

namespace TradingBot.Storage.Tests;

/// <summary>
/// Rows as the stores wrote them before their JSON was generated at build time (Native AOT, issue 6), copied from the
/// reflection-based serializer's output: every store still reads them, and writes the same values back byte for byte.
/// </summary>
[Collection(AzuriteTests.Name)]
public sealed class StoredFormatTests(AzuriteFixture azurite)
{
    private const string Book = """
        {"state":{"startingEquity":"10000.5","equityPeak":"10000.5","halts":{"daily-loss-limit":{"reason":"daily-loss-limit","since":"2026-01-10T12:00:00Z","day":"2026-01-10","reset":"next-day","message":"lost 5 % \u003C\u0026\u003E"}},"lastExits":{"BTC/USDT":"2026-01-10T12:00:01.5Z"},"stopOuts":[{"symbol":"BTC/USDT","at":"2026-01-10T12:00:01.5Z"}],"orderTimes":["2026-01-10T12:00:00Z"],"exitLevels":{"BTC/USDT":{"isLong":true,"stopLoss":"90","takeProfit":"120","trailingStop":"95","trailingDistance":{"value":"0.05","isFraction":true},"activeStop":{}}},"killSwitchEngaged":false},"day":"2026-01-10","dayStartEquity":"9999.99","pending":{"o-1":{"order":{"id":"o-1","causationId":"s-1","correlationId":"c-1","at":"2026-01-10T12:00:00Z","clientOrderId":"tb-o1","strategyId":"strat-1","venue":"paper","symbol":"BTC/USDT","side":"buy","type":"limit","amount":"0.1","referencePrice":"97000.25","limitPrice":"96000","leg":1,"schema":"tradingbot.order-approved.v1"},"purpose":"entry","exits":{"stopLoss":{"value":"0.1","isFraction":true},"takeProfit":null,"trailingStop":{"value":"50","isFraction":false},"isEmpty":false},"stopOut":true}},"flattenRequestedAt":"2026-01-10T12:00:00Z"}
        """;

    private const string Balances = """
        {"USDT":{"free":"9029.025","used":"990","total":"10019.025"},"BTC":{"free":"0.01","used":"0","total":"0.01"}}
        """;

    private const string ClosedOrder = """
        {"id":"paper-1","clientOrderId":"tb-1","symbol":"BTC/USDT","type":"market","side":"buy","status":"closed","timestamp":"2026-01-10T12:00:00Z","lastTradeTimestamp":"2026-01-10T12:00:00Z","lastUpdateTimestamp":null,"price":"97000.5","amount":"0.01","filled":"0.01","remaining":"0","cost":"970.005","average":"97000.5","timeInForce":"IOC","postOnly":false,"triggerPrice":null,"fees":[{"cost":"0.97","currency":"USDT","rate":null}],"trades":[{"id":"t-1","orderId":"paper-1","symbol":"BTC/USDT","side":"buy","price":"97000.5","amount":"0.01","timestamp":"2026-01-10T12:00:00Z","cost":"970.005","fee":{"cost":"0.97","currency":"USDT","rate":"0.001"},"takerOrMaker":"taker","clientOrderId":"tb-1"}],"isTerminal":true,"fee":{"cost":"0.97","currency":"USDT","rate":null}}
        """;

    private const string OpenOrder = """
        {"id":"paper-2","clientOrderId":"tb-2","symbol":"BTC/USDT","type":"limit","side":"sell","status":"open","timestamp":"2026-01-10T12:00:00Z","lastTradeTimestamp":null,"lastUpdateTimestamp":null,"price":"99000","amount":"0.01","filled":"0","remaining":"0.01","cost":null,"average":null,"timeInForce":null,"postOnly":true,"triggerPrice":"98000","fees":[],"trades":[],"isTerminal":false,"fee":null}
        """;

    private const string Trade = """
        {"id":"t-1","orderId":"paper-1","symbol":"BTC/USDT","side":"buy","price":"97000.5","amount":"0.01","timestamp":"2026-01-10T12:00:00Z","cost":"970.005","fee":{"cost":"0.97","currency":"USDT","rate":"0.001"},"takerOrMaker":"taker","clientOrderId":"tb-1"}
        """;

    private static readonly DateTimeOffset At = new(2026, 1, 10, 12, 0, 0, TimeSpan.Zero);
    private static readonly Symbol BtcUsdt = Symbol.Parse("BTC/USDT");
    private readonly TableClients _tables = StoreFactory.Tables(azurite);

    [Fact]
    public async Task RiskBook_OldRow_ReadsAndIsWrittenBackUnchanged()
    {
        var table = await _tables.GetAsync(TableNames.RiskState, default);
        await table.AddEntityAsync(new TableEntity("paper-binance", "book") { ["Account"] = "paper-binance", ["Book"] = Book });
        var books = new RiskStateStore(_tables);

        var book = (await books.GetAsync("paper-binance", default))!;
        await books.SaveAsync(book, default);

        Assert.Equal(10_000.5m, book.State.StartingEquity);
        Assert.Equal(new RiskHalt(RiskReason.DailyLossLimit, At, new DateOnly(2026, 1, 10), HaltReset.NextDay, "lost 5 % <&>"), book.State.Halts[RiskReason.DailyLossLimit]);
        Assert.Equal(At.AddSeconds(1.5), book.State.LastExits[BtcUsdt]);
        Assert.Equal([new StopOut(BtcUsdt, At.AddSeconds(1.5))], book.State.StopOuts);
        Assert.Equal([At], book.State.OrderTimes);
        Assert.Equal(new ExitLevels(true, 90m, 120m, 95m, PriceDistance.Fraction(0.05m)), book.State.ExitLevels[BtcUsdt]);
        Assert.Equal((new DateOnly(2026, 1, 10), 9_999.99m, At), (book.Day, book.DayStartEquity, book.FlattenRequestedAt));
        var pending = book.Pending["o-1"];
        Assert.Equal(("o-1", OrderSide.Buy, OrderType.Limit, 0.1m, 97_000.25m, 96_000m, 1),
            (pending.Order.Id, pending.Order.Side, pending.Order.Type, pending.Order.Amount, pending.Order.ReferencePrice, pending.Order.LimitPrice, pending.Order.Leg));
        Assert.Equal((RiskOrderPurpose.Entry, true), (pending.Purpose, pending.StopOut));
        Assert.Equal(new ExitPlan(PriceDistance.Fraction(0.1m), null, PriceDistance.Absolute(50m)), pending.Exits);
        Assert.Equal(Book, (await table.GetEntityAsync<TableEntity>("paper-binance", "book")).Value.GetString("Book"));
    }

    [Fact]
    public async Task RiskBook_RowWithoutTheCollections_ReadsThemAsEmpty()
    {
        var table = await _tables.GetAsync(TableNames.RiskState, default);
        await table.AddEntityAsync(new TableEntity("paper-sparse", "book")
        {
            ["Account"] = "paper-sparse",
            ["Book"] = """{"state":{"startingEquity":"100","equityPeak":"100"},"day":"2026-01-10","dayStartEquity":"100","pending":{}}""",
        });

        var book = (await new RiskStateStore(_tables).GetAsync("paper-sparse", default))!;

        Assert.Equal((0, 0, 0, 0, 0, false), (book.State.Halts.Count, book.State.LastExits.Count, book.State.StopOuts.Count,
            book.State.OrderTimes.Count, book.State.ExitLevels.Count, book.State.KillSwitchEngaged));
        Assert.Empty(book.Pending);
    }

    [Fact]
    public async Task PaperAccount_OldRows_ReadAndAreWrittenBackUnchanged()
    {
        var table = await _tables.GetAsync(TableNames.PaperAccounts, default);
        await table.AddEntityAsync(new TableEntity("paper-x", "balances") { ["Balances"] = Balances, ["Account"] = "paper-x" });
        await table.AddEntityAsync(new TableEntity("paper-x", "order|paper-1") { ["Order"] = ClosedOrder, ["ClientOrderId"] = "tb-1", ["IsOpen"] = false });
        await table.AddEntityAsync(new TableEntity("paper-x", "order|paper-2") { ["Order"] = OpenOrder, ["ClientOrderId"] = "tb-2", ["IsOpen"] = true });
        await table.AddEntityAsync(new TableEntity("paper-x", "trade|" + TableKeys.Compose("paper-1", "t-1")) { ["Trade"] = Trade });
        var store = new TablePaperAccountStore(_tables, "paper-x");

        var balances = (await store.GetBalancesAsync(default))!;
        var closed = (await store.GetOrderAsync("paper-1", default))!;
        var open = Assert.Single(await store.GetOpenOrdersAsync(default));
        var trade = Assert.Single(await store.GetTradesAsync(default));
        await store.CommitAsync(balances, closed, [trade], default);
        await store.CommitAsync(balances, open, [], default);

        Assert.Equal(new CurrencyBalance(9_029.025m, 990m), balances["USDT"]);
        Assert.Equal(new CurrencyBalance(0.01m, 0m), balances["BTC"]);
        Assert.Equal(("tb-1", OrderType.Market, OrderStatus.Closed, 0.01m, 970.005m, "IOC"), (closed.ClientOrderId, closed.Type, closed.Status, closed.Filled, closed.Cost, closed.TimeInForce));
        Assert.Equal([new Fee(0.97m, "USDT")], closed.Fees);
        Assert.Equal(trade, Assert.Single(closed.Trades));
        Assert.Equal(("paper-2", OrderSide.Sell, true, 98_000m, (decimal?)null), (open.Id, open.Side, open.PostOnly, open.TriggerPrice, open.Cost));
        Assert.Equal(new Trade("t-1", "paper-1", BtcUsdt, OrderSide.Buy, 97_000.5m, 0.01m, At)
        {
            Fee = new Fee(0.97m, "USDT") { Rate = 0.001m },
            TakerOrMaker = "taker",
            ClientOrderId = "tb-1",
        }, trade);
        Assert.Equal(Balances, await TextAsync(table, "balances", "Balances"));
        Assert.Equal(ClosedOrder, await TextAsync(table, "order|paper-1", "Order"));
        Assert.Equal(OpenOrder, await TextAsync(table, "order|paper-2", "Order"));
        Assert.Equal(Trade, await TextAsync(table, "trade|" + TableKeys.Compose("paper-1", "t-1"), "Trade"));
    }

    [Fact]
    public async Task Strategy_OldParameters_ReadAndAreWrittenBackUnchanged()
    {
        const string parameters = """{"fast":10,"slow":30.5,"k":1E-07,"big":1E+21,"\u00E9\u002B\u003C":-0.1}""";
        var table = await _tables.GetAsync(TableNames.Strategies, default);
        await table.AddEntityAsync(new TableEntity(ConfigStore.StrategyPartition, "s1")
        {
            ["Strategy"] = "sma-cross", ["Venue"] = "binance", ["Symbol"] = "BTC/USDT", ["Timeframe"] = "1m", ["Parameters"] = parameters, ["Enabled"] = true,
        });
        var config = new ConfigStore(_tables);

        var strategy = (await config.GetStrategyAsync("s1", default))!;
        await config.SaveStrategyAsync(strategy, default);

        Assert.Equal(new Dictionary<string, double> { ["fast"] = 10, ["slow"] = 30.5, ["k"] = 1e-7, ["big"] = 1e21, ["é+<"] = -0.1 }, strategy.Parameters);
        Assert.Equal(parameters, await TextAsync(table, ConfigStore.StrategyPartition, "s1", "Parameters"));
    }

    [Fact]
    public async Task Position_OldOtherFees_ReadAndAreWrittenBackUnchanged()
    {
        const string otherFees = """{"BNB":"0.00012","US\u002BD\u003C\u00E9\u003E":"1"}""";
        var table = await _tables.GetAsync(TableNames.Ledger, default);
        var key = "pos|" + TableKeys.Escape(BtcUsdt.ToKey());
        var row = new TableEntity("paper-binance", key)
        {
            ["Account"] = "paper-binance", ["Symbol"] = "BTC/USDT", ["StrategyId"] = "s1", ["OtherFees"] = otherFees, ["FillCount"] = 1, ["UpdatedAt"] = At,
        };
        foreach (var column in new[] { "Quantity", "AverageCost", "RealizedPnl", "Fees", "LastPrice", "UnrealizedPnl" })
        {
            row.SetDecimal(column, 1m);
        }

        await table.AddEntityAsync(row);
        var ledger = new LedgerStore(_tables, new PartitionLocks());

        var position = Assert.Single(await ledger.GetPositionsAsync("paper-binance", default));
        await ledger.ApplyAsync(Fill(), default); // rewrites the row; its fee is in the quote currency

        Assert.Equal(new Dictionary<string, decimal> { ["BNB"] = 0.00012m, ["US+D<é>"] = 1m }, position.OtherFees);
        Assert.Equal(otherFees, await TextAsync(table, "paper-binance", key, "OtherFees"));
        Assert.Equal(2, Assert.Single(await ledger.GetPositionsAsync("paper-binance", default)).FillCount);
    }

    [Fact]
    public void StorageJson_TypeWithoutAGeneratedContract_FailsInsteadOfUsingReflection()
    {
        var error = Assert.Throws<NotSupportedException>(() => StorageJson.Write(new Uri("https://example.com")));

        Assert.Contains("Uri", error.Message, StringComparison.Ordinal);
    }

    private static OrderFilled Fill()
    {
        var order = new TrackedOrder("ord-1", "tb1", "sig-1", "candle:1", "s1", "binance", "paper-binance", TradingMode.Paper, BtcUsdt,
            OrderSide.Buy, OrderType.Market, 1m, 2m, At);
        return OrderFilled.For(order, new ExecutionFill("t1", 2m, 1m, 0.01m, "USDT", At));
    }

    private static Task<string?> TextAsync(TableClient table, string rowKey, string column) => TextAsync(table, "paper-x", rowKey, column);

    private static async Task<string?> TextAsync(TableClient table, string partition, string rowKey, string column) =>
        (await table.GetEntityAsync<TableEntity>(partition, rowKey)).Value.GetString(column);
}
