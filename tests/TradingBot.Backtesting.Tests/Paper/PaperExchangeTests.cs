using Microsoft.Extensions.Time.Testing;
using TradingBot.Backtesting.Paper;
using TradingBot.Core.Exchange;
using TradingBot.Core.Market;

namespace TradingBot.Backtesting.Tests.Paper;

public sealed class PaperExchangeTests
{
    private static readonly Symbol BtcUsdt = new("BTC", "USDT");
    private static readonly DateTimeOffset Start = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private readonly FakeTimeProvider _time = new(Start);
    private readonly FixedPrices _prices = new();
    private readonly InMemoryPaperAccountStore _store = new();

    private PaperExchange Exchange(PaperOptions? options = null) =>
        new(_prices, _store, options ?? new PaperOptions { TakerFee = 0.001m, MakerFee = 0.0005m, Slippage = 0.001m }, _time);

    [Fact]
    public async Task CreateOrder_MarketBuy_FillsAtAskPlusSlippageAndChargesTakerFee()
    {
        var paper = Exchange();

        var order = await paper.CreateOrderAsync(new CreateOrderRequest(BtcUsdt, OrderType.Market, OrderSide.Buy, "m-1") { Amount = 0.1m });

        Assert.Equal(OrderStatus.Closed, order.Status);
        Assert.Equal(50050m, order.Average);
        Assert.Equal(5005m, order.Cost);
        Assert.Equal(new Fee(5.005m, "USDT") { Rate = 0.001m }, order.Fee);
        var balance = await paper.FetchBalanceAsync();
        Assert.Equal(10_000m - 5005m - 5.005m, balance["USDT"].Free);
        Assert.Equal(0.1m, balance["BTC"].Free);
    }

    [Fact]
    public async Task CreateOrder_MarketBuyByQuoteAmount_AmountTruncatedToStep()
    {
        var paper = Exchange();

        var order = await paper.CreateOrderAsync(new CreateOrderRequest(BtcUsdt, OrderType.Market, OrderSide.Buy, "q-1") { QuoteAmount = 100m });

        Assert.Equal(0.00199m, order.Amount);
        Assert.Equal(0.00199m * 50050m, order.Cost);
    }

    [Fact]
    public async Task CreateOrder_MarketSellWithoutBase_InsufficientFundsAndNoOrderStored()
    {
        var paper = Exchange();

        await Assert.ThrowsAsync<InsufficientFunds>(() =>
            paper.CreateOrderAsync(new CreateOrderRequest(BtcUsdt, OrderType.Market, OrderSide.Sell, "s-1") { Amount = 0.1m }));

        Assert.Null(await paper.FetchOrderByClientOrderIdAsync("s-1"));
        Assert.Equal(10_000m, (await paper.FetchBalanceAsync())["USDT"].Free);
    }

    [Fact]
    public async Task CreateOrder_BelowMinNotional_InvalidOrderLikeARealVenue()
    {
        var paper = Exchange();

        var error = await Assert.ThrowsAsync<InvalidOrder>(() =>
            paper.CreateOrderAsync(new CreateOrderRequest(BtcUsdt, OrderType.Market, OrderSide.Buy, "tiny") { Amount = 0.00005m }));

        Assert.Contains("below the minimum 5", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateOrder_SameClientOrderIdTwice_ReturnsTheSameOrderAndTradesOnce()
    {
        var paper = Exchange();
        var request = new CreateOrderRequest(BtcUsdt, OrderType.Market, OrderSide.Buy, "idem-1") { Amount = 0.1m };

        var first = await paper.CreateOrderAsync(request);
        var second = await paper.CreateOrderAsync(request);

        Assert.Equal(first, second);
        Assert.Single(await paper.FetchMyTradesAsync());
        Assert.Equal(0.1m, (await paper.FetchBalanceAsync())["BTC"].Free);
    }

    [Fact]
    public async Task CreateOrder_LimitBelowAsk_RestsWithFundsReservedUntilThePriceCrosses()
    {
        var paper = Exchange();
        var order = await paper.CreateOrderAsync(new CreateOrderRequest(BtcUsdt, OrderType.Limit, OrderSide.Buy, "l-1") { Amount = 0.1m, Price = 49000.004m });

        var reserved = (await paper.FetchBalanceAsync())["USDT"];
        _prices.Set(48990m, 49000m);
        var matched = await paper.MatchOpenOrdersAsync();
        var after = await paper.FetchBalanceAsync();

        Assert.Equal((OrderStatus.Open, 49000m), (order.Status, order.Price));
        Assert.Equal(4900m + 2.45m, reserved.Used);
        var filled = Assert.Single(matched);
        Assert.Equal((OrderStatus.Closed, 0.1m, 49000m, 0m), (filled.Status, filled.Filled, filled.Average, filled.Remaining));
        Assert.Equal("maker", Assert.Single(filled.Trades).TakerOrMaker);
        Assert.Equal(new CurrencyBalance(10_000m - 4900m - 2.45m, 0m), after["USDT"]);
        Assert.Equal(0.1m, after["BTC"].Free);
        Assert.Empty(await paper.FetchOpenOrdersAsync());
    }

    [Fact]
    public async Task CreateOrder_LimitThatCrosses_FillsAtOnceAtTheBetterQuoteAsTaker()
    {
        var paper = Exchange();

        var order = await paper.CreateOrderAsync(new CreateOrderRequest(BtcUsdt, OrderType.Limit, OrderSide.Buy, "x-1") { Amount = 0.1m, Price = 51000m });

        Assert.Equal((OrderStatus.Closed, 50000m), (order.Status, order.Average));
        Assert.Equal("taker", Assert.Single(order.Trades).TakerOrMaker);
    }

    [Fact]
    public async Task CreateOrder_PostOnlyThatWouldTake_OrderImmediatelyFillable()
    {
        var paper = Exchange();

        await Assert.ThrowsAsync<OrderImmediatelyFillable>(() => paper.CreateOrderAsync(
            new CreateOrderRequest(BtcUsdt, OrderType.Limit, OrderSide.Buy, "po-1") { Amount = 0.1m, Price = 51000m, PostOnly = true }));
    }

    [Fact]
    public async Task CancelOrder_OpenLimit_ReleasesTheReservation()
    {
        var paper = Exchange();
        var order = await paper.CreateOrderAsync(new CreateOrderRequest(BtcUsdt, OrderType.Limit, OrderSide.Buy, "c-1") { Amount = 0.1m, Price = 40000m });

        var canceled = await paper.CancelOrderAsync(order.Id, BtcUsdt);

        Assert.Equal(OrderStatus.Canceled, canceled.Status);
        Assert.Equal(new CurrencyBalance(10_000m, 0m), (await paper.FetchBalanceAsync())["USDT"]);
        await Assert.ThrowsAsync<OrderNotFound>(() => paper.CancelOrderAsync(order.Id));
    }

    [Fact]
    public async Task FetchOrder_ByIdAndByClientOrderId_SameOrder()
    {
        var paper = Exchange();
        var order = await paper.CreateOrderAsync(new CreateOrderRequest(BtcUsdt, OrderType.Limit, OrderSide.Buy, "f-1") { Amount = 0.1m, Price = 40000m });

        var byId = await paper.FetchOrderAsync(order.Id);
        var byClient = await paper.FetchOrderByClientOrderIdAsync("f-1", BtcUsdt);

        Assert.Equal(order, byId);
        Assert.Equal(order, byClient);
        Assert.Null(await paper.FetchOrderByClientOrderIdAsync("unknown"));
        await Assert.ThrowsAsync<OrderNotFound>(() => paper.FetchOrderAsync("paper-999"));
    }

    [Fact]
    public async Task LimitSell_AfterBuying_FillsWhenBidReachesItAndCreditsQuoteMinusFee()
    {
        var paper = Exchange();
        await paper.CreateOrderAsync(new CreateOrderRequest(BtcUsdt, OrderType.Market, OrderSide.Buy, "b-1") { Amount = 0.1m });
        var sell = await paper.CreateOrderAsync(new CreateOrderRequest(BtcUsdt, OrderType.Limit, OrderSide.Sell, "s-2") { Amount = 0.1m, Price = 52000m });

        var lockedBase = (await paper.FetchBalanceAsync())["BTC"];
        _prices.Set(52000m, 52010m);
        var filled = await paper.FetchOrderAsync(sell.Id);
        var balance = await paper.FetchBalanceAsync();

        Assert.Equal(new CurrencyBalance(0m, 0.1m), lockedBase);
        Assert.Equal(OrderStatus.Closed, filled.Status);
        Assert.Equal(10_000m - 5005m - 5.005m + 5200m - 2.6m, balance["USDT"].Free);
        Assert.Equal(new CurrencyBalance(0m, 0m), balance["BTC"]);
    }

    [Fact]
    public async Task State_SurvivesANewPaperExchangeOverTheSameStore()
    {
        await Exchange().CreateOrderAsync(new CreateOrderRequest(BtcUsdt, OrderType.Limit, OrderSide.Buy, "p-1") { Amount = 0.1m, Price = 40000m });

        var reopened = Exchange();

        Assert.Single(await reopened.FetchOpenOrdersAsync(BtcUsdt));
        Assert.Equal(4000m + 2m, (await reopened.FetchBalanceAsync())["USDT"].Used);
        var again = await reopened.CreateOrderAsync(new CreateOrderRequest(BtcUsdt, OrderType.Limit, OrderSide.Buy, "p-1") { Amount = 0.1m, Price = 40000m });
        Assert.Equal("paper-1", again.Id);
    }

    [Fact]
    public async Task FetchOrderBook_SyntheticLevelsAroundTheQuote()
    {
        var book = await Exchange().FetchOrderBookAsync(BtcUsdt, 3);

        Assert.Equal([50000m, 49999.99m, 49999.98m], book.Bids.Select(l => l.Price));
        Assert.Equal([50000m + 0m, 50000.01m, 50000.02m], book.Asks.Select(l => l.Price - 0m));
        Assert.Equal(1m, book.Bids[0].Amount);
    }

    /// <summary>A price source whose quote the test sets: bid 50000 / ask 50000 to start (zero spread).</summary>
    private sealed class FixedPrices : IPriceSource
    {
        private Quote _quote = new(BtcUsdt, 50000m, 50000m, 50000m, Start);

        public IReadOnlyList<Timeframe> Timeframes => [];

        public void Set(decimal bid, decimal ask) => _quote = _quote with { Bid = bid, Ask = ask, Last = (bid + ask) / 2m };

        public Task<IReadOnlyDictionary<Symbol, Market>> LoadMarketsAsync(CancellationToken ct) =>
            Task.FromResult<IReadOnlyDictionary<Symbol, Market>>(new Dictionary<Symbol, Market>
            {
                [BtcUsdt] = new("BTCUSDT", BtcUsdt, new MarketPrecision(0.00001m, 0.01m), new MarketLimits
                {
                    Amount = new MinMax(0.00001m, 9000m),
                    Price = new MinMax(0.01m, 1_000_000m),
                    Cost = new MinMax(5m, null),
                }),
            });

        public Task<Quote> GetQuoteAsync(Symbol symbol, CancellationToken ct) => Task.FromResult(_quote);

        public Task<IReadOnlyList<Candle>> GetCandlesAsync(Symbol symbol, Timeframe timeframe, DateTimeOffset? since, int? limit, CancellationToken ct) =>
            throw new NotSupported("no candles");
    }
}
