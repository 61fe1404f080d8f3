using System.Globalization;
using TradingBot.Core.Exchange;
using TradingBot.Core.Market;

namespace TradingBot.Backtesting.Paper;

/// <summary>
/// The paper venue: an <see cref="IExchange"/> that fills orders against an <see cref="IPriceSource"/> with the same
/// precision/limit rules (<see cref="OrderValidator"/>) and error classes as a real venue. Market orders take the
/// ask (buy) or bid (sell) worsened by the slippage and pay the taker fee; limit orders that cross fill at once as
/// taker, others rest (funds reserved) until <see cref="MatchOpenOrdersAsync"/> sees the price cross them, then fill
/// at their limit as maker. Fees are charged in the quote currency. Creating an order with a client order id that
/// already exists returns that order: never a second one. State lives in an <see cref="IPaperAccountStore"/>.
/// </summary>
#pragma warning disable CA1001 // The gate semaphore never allocates a wait handle (only WaitAsync), so there is nothing to dispose.
public sealed class PaperExchange : IExchange
#pragma warning restore CA1001
{
    private readonly IPriceSource _prices;
    private readonly IPaperAccountStore _store;
    private readonly PaperOptions _options;
    private readonly TimeProvider _time;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private IReadOnlyDictionary<Symbol, Market>? _markets;

    public PaperExchange(IPriceSource prices, IPaperAccountStore store, PaperOptions options, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(prices);
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(time);
        _prices = prices;
        _store = store;
        _options = options;
        _time = time;
        Has = new ExchangeCapabilities
        {
            FetchOhlcv = prices.Timeframes.Count > 0 ? Capability.Yes : Capability.No,
            FetchOrderBook = Capability.Emulated,
            CreateMarketBuyWithCost = Capability.Yes,
            CreatePostOnlyOrder = Capability.Yes,
        };
    }

    public string Id => VenueIds.Paper;

    public ExchangeCapabilities Has { get; }

    public IReadOnlyList<Timeframe> Timeframes => _prices.Timeframes;

    public async Task<IReadOnlyDictionary<Symbol, Market>> LoadMarketsAsync(bool reload = false, CancellationToken ct = default)
    {
        if (_markets is null || reload)
        {
            _markets = await _prices.LoadMarketsAsync(ct);
        }

        return _markets;
    }

    public async Task<Ticker> FetchTickerAsync(Symbol symbol, CancellationToken ct = default)
    {
        await MarketAsync(symbol, ct);
        var quote = await _prices.GetQuoteAsync(symbol, ct);
        return new Ticker(symbol, quote.Time) { Bid = quote.Bid, Ask = quote.Ask, Last = quote.Last };
    }

    /// <summary>A synthetic book around the quote: <paramref name="limit"/> levels a tick apart, each worth <see cref="PaperOptions.BookLevelNotional"/>.</summary>
    public async Task<OrderBook> FetchOrderBookAsync(Symbol symbol, int? limit = null, CancellationToken ct = default)
    {
        var market = await MarketAsync(symbol, ct);
        var quote = await _prices.GetQuoteAsync(symbol, ct);
        var levels = Math.Clamp(limit ?? 5, 1, 100);
        var tick = market.Precision.PriceTick;
        OrderBookLevel Level(decimal price) => new(price, Math.Max(Precision.Truncate(_options.BookLevelNotional / price, market.Precision.AmountStep), market.Precision.AmountStep));
        var bids = Enumerable.Range(0, levels).Select(i => quote.Bid - (tick * i)).Where(p => p > 0m).Select(Level).ToList();
        var asks = Enumerable.Range(0, levels).Select(i => Level(quote.Ask + (tick * i))).ToList();
        return new OrderBook(symbol, bids, asks, quote.Time);
    }

    public async Task<IReadOnlyList<Candle>> FetchOhlcvAsync(Symbol symbol, Timeframe timeframe, DateTimeOffset? since = null, int? limit = null,
        CancellationToken ct = default)
    {
        await MarketAsync(symbol, ct);
        return await _prices.GetCandlesAsync(symbol, timeframe, since, limit, ct);
    }

    public async Task<Balance> FetchBalanceAsync(CancellationToken ct = default)
    {
        await MatchOpenOrdersAsync(ct);
        // Read under the gate like every read-then-commit: the store remembers the version of the balances it read last,
        // and a read overlapping an order's read and commit must not hand that commit an older version.
        await _gate.WaitAsync(ct);
        try
        {
            return new Balance(await BalancesAsync(ct), _time.GetUtcNow());
        }
        finally
        {
            _gate.Release();
        }
    }

    public async Task<Order> CreateOrderAsync(CreateOrderRequest request, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        await _gate.WaitAsync(ct);
        try
        {
            if (!string.IsNullOrWhiteSpace(request.ClientOrderId) && await _store.GetOrderByClientOrderIdAsync(request.ClientOrderId, ct) is { } existing)
            {
                return existing;
            }

            var market = await MarketAsync(request.Symbol, ct);
            var quote = await _prices.GetQuoteAsync(request.Symbol, ct);
            var taking = request.Side == OrderSide.Buy ? quote.Ask : quote.Bid;
            var order = OrderValidator.Prepare(market, request, taking);
            var now = _time.GetUtcNow();
            var id = "paper-" + (await _store.NextOrderNumberAsync(ct)).ToString(CultureInfo.InvariantCulture);
            var balances = new Dictionary<string, CurrencyBalance>(await BalancesAsync(ct), StringComparer.Ordinal);
            var crosses = order.Type == OrderType.Market
                || (order.Side == OrderSide.Buy ? order.Price >= quote.Ask : order.Price <= quote.Bid);
            if (order.Type == OrderType.Limit && crosses && order.PostOnly)
            {
                throw new OrderImmediatelyFillable($"paper: post-only {order.Side.ToString().ToLowerInvariant()} at {Precision.ToWire(order.Price!.Value)} would take liquidity (bid {Precision.ToWire(quote.Bid)}, ask {Precision.ToWire(quote.Ask)}).") { Venue = Id };
            }

            Order placed;
            Trade[] trades = [];
            if (crosses)
            {
                var price = order.Type == OrderType.Market ? SlippedPrice(market, order.Side, taking) : taking;
                var amount = order.Amount ?? Precision.Truncate(order.QuoteAmount!.Value / price, market.Precision.AmountStep);
                if (amount <= 0m)
                {
                    throw new InvalidOrder($"paper: {Precision.ToWire(order.QuoteAmount ?? 0m)} {market.Symbol.Quote} buys less than one amount step at {Precision.ToWire(price)}.") { Venue = Id };
                }

                var trade = Fill(balances, market, order.Side, id, order.ClientOrderId, price, amount, _options.TakerFee, "taker", reserved: 0m, now);
                trades = [trade];
                placed = new Order(id, order.ClientOrderId, market.Symbol, order.Type, order.Side, OrderStatus.Closed)
                {
                    Timestamp = now,
                    LastUpdateTimestamp = now,
                    Price = order.Price,
                    Amount = amount,
                    Filled = amount,
                    TimeInForce = order.Type == OrderType.Limit ? order.TimeInForce ?? "GTC" : null,
                    Trades = trades,
                }.Normalize();
            }
            else
            {
                Reserve(balances, market, order.Side, order.Amount!.Value, order.Price!.Value);
                placed = new Order(id, order.ClientOrderId, market.Symbol, OrderType.Limit, order.Side, OrderStatus.Open)
                {
                    Timestamp = now,
                    LastUpdateTimestamp = now,
                    Price = order.Price,
                    Amount = order.Amount,
                    TimeInForce = order.TimeInForce ?? "GTC",
                    PostOnly = order.PostOnly,
                }.Normalize();
            }

            await _store.CommitAsync(balances, placed, trades, ct);
            return placed;
        }
        finally
        {
            _gate.Release();
        }
    }

    public async Task<Order> CancelOrderAsync(string id, Symbol? symbol = null, CancellationToken ct = default)
    {
        await MatchOpenOrdersAsync(ct);
        await _gate.WaitAsync(ct);
        try
        {
            var order = await _store.GetOrderAsync(id, ct);
            if (order is null || order.Status != OrderStatus.Open || (symbol is { } s && order.Symbol != s))
            {
                throw new OrderNotFound(order is null ? $"paper: no order {id}." : $"paper: order {id} is {order.Status.ToString().ToLowerInvariant()}, not open.") { Venue = Id };
            }

            var market = await MarketAsync(order.Symbol, ct);
            var balances = new Dictionary<string, CurrencyBalance>(await BalancesAsync(ct), StringComparer.Ordinal);
            Release(balances, market, order.Side, order.Remaining ?? 0m, order.Price ?? 0m);
            var canceled = order with { Status = OrderStatus.Canceled, LastUpdateTimestamp = _time.GetUtcNow() };
            await _store.CommitAsync(balances, canceled, [], ct);
            return canceled;
        }
        finally
        {
            _gate.Release();
        }
    }

    public async Task<Order> FetchOrderAsync(string id, Symbol? symbol = null, CancellationToken ct = default)
    {
        await MatchOpenOrdersAsync(ct);
        var order = await _store.GetOrderAsync(id, ct);
        return order is not null && (symbol is null || order.Symbol == symbol)
            ? order
            : throw new OrderNotFound($"paper: no order {id}{(symbol is { } s ? " for " + s : "")}.") { Venue = Id };
    }

    public async Task<Order?> FetchOrderByClientOrderIdAsync(string clientOrderId, Symbol? symbol = null, CancellationToken ct = default)
    {
        await MatchOpenOrdersAsync(ct);
        var order = await _store.GetOrderByClientOrderIdAsync(clientOrderId, ct);
        return order is not null && (symbol is null || order.Symbol == symbol) ? order : null;
    }

    public async Task<IReadOnlyList<Order>> FetchOpenOrdersAsync(Symbol? symbol = null, DateTimeOffset? since = null, int? limit = null,
        CancellationToken ct = default)
    {
        await MatchOpenOrdersAsync(ct);
        var orders = (await _store.GetOpenOrdersAsync(ct)).Where(o => (symbol is null || o.Symbol == symbol) && (since is null || o.Timestamp >= since));
        return [.. limit is { } n ? orders.Take(n) : orders];
    }

    public async Task<IReadOnlyList<Trade>> FetchMyTradesAsync(Symbol? symbol = null, DateTimeOffset? since = null, int? limit = null,
        CancellationToken ct = default)
    {
        await MatchOpenOrdersAsync(ct);
        var trades = (await _store.GetTradesAsync(ct)).Where(t => (symbol is null || t.Symbol == symbol) && (since is null || t.Timestamp >= since))
            .OrderBy(t => t.Timestamp);
        return [.. limit is { } n ? trades.Take(n) : trades];
    }

    /// <summary>
    /// Fills every open limit order whose price the current quote has crossed (a buy when ask ≤ limit, a sell when
    /// bid ≥ limit), at its limit price as maker. Returns the orders it filled. Every other call runs it first, so
    /// the account is always current; call it directly to advance a simulation.
    /// </summary>
    public async Task<IReadOnlyList<Order>> MatchOpenOrdersAsync(CancellationToken ct = default)
    {
        await _gate.WaitAsync(ct);
        try
        {
            var filled = new List<Order>();
            foreach (var order in await _store.GetOpenOrdersAsync(ct))
            {
                var quote = await _prices.GetQuoteAsync(order.Symbol, ct);
                var price = order.Price!.Value;
                if (order.Side == OrderSide.Buy ? quote.Ask > price : quote.Bid < price)
                {
                    continue;
                }

                var market = await MarketAsync(order.Symbol, ct);
                var balances = new Dictionary<string, CurrencyBalance>(await BalancesAsync(ct), StringComparer.Ordinal);
                var amount = order.Remaining ?? order.Amount!.Value;
                var reserved = order.Side == OrderSide.Buy ? QuoteReservation(amount, price) : amount;
                var now = _time.GetUtcNow();
                var trade = Fill(balances, market, order.Side, order.Id, order.ClientOrderId, price, amount, _options.MakerFee, "maker", reserved, now);
                var closed = (order with
                {
                    Status = OrderStatus.Closed,
                    Filled = order.Filled + amount,
                    Remaining = null,
                    Cost = null,
                    Average = null,
                    LastUpdateTimestamp = now,
                    Trades = [.. order.Trades, trade],
                    Fees = [],
                }).Normalize();
                await _store.CommitAsync(balances, closed, [trade], ct);
                filled.Add(closed);
            }

            return filled;
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task<IReadOnlyDictionary<string, CurrencyBalance>> BalancesAsync(CancellationToken ct)
    {
        if (await _store.GetBalancesAsync(ct) is { } balances)
        {
            return balances;
        }

        var initial = _options.InitialBalances.ToDictionary(kv => kv.Key.ToUpperInvariant(), kv => new CurrencyBalance(kv.Value, 0m), StringComparer.Ordinal);
        await _store.CommitAsync(initial, null, [], ct);
        return initial;
    }

    private async Task<Market> MarketAsync(Symbol symbol, CancellationToken ct) =>
        (await LoadMarketsAsync(false, ct)).TryGetValue(symbol, out var market)
            ? market
            : throw new BadSymbol($"paper has no market {symbol}.") { Venue = Id };

    private decimal SlippedPrice(Market market, OrderSide side, decimal price) => side == OrderSide.Buy
        ? Precision.Ceiling(price * (1m + _options.Slippage), market.Precision.PriceTick)
        : Math.Max(Precision.Floor(price * (1m - _options.Slippage), market.Precision.PriceTick), market.Precision.PriceTick);

    private decimal QuoteReservation(decimal amount, decimal price) => (amount * price) + (amount * price * _options.MakerFee);

    private void Reserve(Dictionary<string, CurrencyBalance> balances, Market market, OrderSide side, decimal amount, decimal price)
    {
        var (currency, needed) = side == OrderSide.Buy ? (market.Symbol.Quote, QuoteReservation(amount, price)) : (market.Symbol.Base, amount);
        var balance = balances.GetValueOrDefault(currency);
        if (balance.Free < needed)
        {
            throw Insufficient(currency, needed, balance.Free);
        }

        balances[currency] = new CurrencyBalance(balance.Free - needed, balance.Used + needed);
    }

    private void Release(Dictionary<string, CurrencyBalance> balances, Market market, OrderSide side, decimal amount, decimal price)
    {
        var (currency, reserved) = side == OrderSide.Buy ? (market.Symbol.Quote, QuoteReservation(amount, price)) : (market.Symbol.Base, amount);
        var balance = balances.GetValueOrDefault(currency);
        var back = Math.Min(reserved, balance.Used);
        balances[currency] = new CurrencyBalance(balance.Free + back, balance.Used - back);
    }

    /// <summary>Moves funds for one execution (fee in quote currency) and returns the trade; <paramref name="reserved"/> is what the order had locked.</summary>
    private Trade Fill(Dictionary<string, CurrencyBalance> balances, Market market, OrderSide side, string orderId, string clientOrderId, decimal price,
        decimal amount, decimal feeRate, string takerOrMaker, decimal reserved, DateTimeOffset now)
    {
        var (@base, quote) = (market.Symbol.Base, market.Symbol.Quote);
        var cost = price * amount;
        var fee = cost * feeRate;
        var baseBalance = balances.GetValueOrDefault(@base);
        var quoteBalance = balances.GetValueOrDefault(quote);
        if (side == OrderSide.Buy)
        {
            var available = quoteBalance.Free + reserved;
            if (available < cost + fee)
            {
                throw Insufficient(quote, cost + fee, available);
            }

            balances[quote] = new CurrencyBalance(available - cost - fee, quoteBalance.Used - reserved);
            balances[@base] = baseBalance with { Free = baseBalance.Free + amount };
        }
        else
        {
            var available = baseBalance.Free + reserved;
            if (available < amount)
            {
                throw Insufficient(@base, amount, available);
            }

            balances[@base] = new CurrencyBalance(available - amount, baseBalance.Used - reserved);
            balances[quote] = quoteBalance with { Free = quoteBalance.Free + cost - fee };
        }

        var tradeId = $"{orderId}-{(takerOrMaker == "taker" ? 1 : 2)}";
        return new Trade(tradeId, orderId, market.Symbol, side, price, amount, now)
        {
            Fee = new Fee(fee, quote) { Rate = feeRate },
            TakerOrMaker = takerOrMaker,
            ClientOrderId = clientOrderId,
        };
    }

    private InsufficientFunds Insufficient(string currency, decimal needed, decimal available) =>
        new($"paper: needs {Precision.ToWire(needed)} {currency} but only {Precision.ToWire(available)} is free.") { Venue = Id };
}
