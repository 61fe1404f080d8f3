using System.Collections.Concurrent;
using TradingBot.Core.Exchange;
using TradingBot.Core.Market;

namespace TradingBot.Testing;

/// <summary>
/// A scriptable in-memory venue for pipeline tests: markets, quotes, candles and balances you set; order placement
/// driven by a queue of <see cref="FakeOrderScript"/>s (fill, partial fill, open, reject, timeout after or without
/// acceptance); lookups by client order id; more executions added later with <see cref="AddFill"/>. Like a venue's
/// account, every execution moves <see cref="Balances"/> at once, in one step: a buy spends cost + fee of the quote
/// currency and adds the amount of the base, a sell the reverse (open orders reserve nothing). Thread-safe, and it
/// counts what was asked of it so tests can prove "exactly one venue order".
/// </summary>
public sealed class FakeExchange(string id, TimeProvider time) : IExchange
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, Order> _orders = new(StringComparer.Ordinal);
    private readonly Dictionary<(Symbol, Timeframe), List<Candle>> _candles = [];
    private readonly Dictionary<Symbol, (decimal Bid, decimal Ask)> _quotes = [];
    private readonly ConcurrentQueue<FakeOrderScript> _scripts = new();
    private int _nextOrder;
    private int _nextTrade;
    private int _createCalls;
    private int _failingLookups;
    private int _failingData;

    public string Id { get; } = id;

    public ExchangeCapabilities Has { get; set; } = new() { CreateMarketBuyWithCost = Capability.No };

    public IReadOnlyList<Timeframe> Timeframes { get; set; } = [Timeframe.OneMinute, Timeframe.OneHour, Timeframe.OneDay];

    public Dictionary<Symbol, Market> Markets { get; } = new()
    {
        [Symbol.Parse("BTC/USDT")] = DefaultMarket(Symbol.Parse("BTC/USDT"), "BTCUSDT"),
        [Symbol.Parse("ETH/USDT")] = DefaultMarket(Symbol.Parse("ETH/USDT"), "ETHUSDT"),
    };

    public Dictionary<string, CurrencyBalance> Balances { get; } = new(StringComparer.Ordinal) { ["USDT"] = new CurrencyBalance(10_000m, 0m) };

    /// <summary>Taker fee rate charged in the quote currency.</summary>
    public decimal FeeRate { get; set; } = 0.001m;

    /// <summary>How many times <c>CreateOrderAsync</c> was called (accepted or not).</summary>
    public int CreateCalls => Volatile.Read(ref _createCalls);

    /// <summary>Orders the venue accepted, by client order id.</summary>
    public IReadOnlyList<Order> AcceptedOrders
    {
        get
        {
            lock (_gate)
            {
                return [.. _orders.Values];
            }
        }
    }

    public static Market DefaultMarket(Symbol symbol, string id) =>
        new(id, symbol, new MarketPrecision(0.00001m, 0.01m), new MarketLimits { Amount = new MinMax(0.00001m, 9000m), Cost = new MinMax(5m, null) });

    public void Script(params FakeOrderScript[] scripts)
    {
        foreach (var script in scripts)
        {
            _scripts.Enqueue(script);
        }
    }

    /// <summary>The next <paramref name="count"/> balance, ticker and candle requests fail with <see cref="ExchangeNotAvailable"/> (an outage).</summary>
    public void FailAccountAndMarketData(int count) => Volatile.Write(ref _failingData, count);

    /// <summary>The next <paramref name="count"/> order lookups fail with a network error.</summary>
    public void FailLookups(int count) => Volatile.Write(ref _failingLookups, count);

    public void SetQuote(Symbol symbol, decimal bid, decimal ask)
    {
        lock (_gate)
        {
            _quotes[symbol] = (bid, ask);
        }
    }

    public void SetCandles(Symbol symbol, Timeframe timeframe, IEnumerable<Candle> candles)
    {
        lock (_gate)
        {
            _candles[(symbol, timeframe)] = [.. candles.OrderBy(c => c.Time)];
        }
    }

    /// <summary>The venue executes <paramref name="amount"/> more of an accepted order (a later partial fill).</summary>
    public Order AddFill(string clientOrderId, decimal amount, decimal price)
    {
        lock (_gate)
        {
            var order = _orders[clientOrderId];
            return _orders[clientOrderId] = Execute(order, amount, price, reportTrades: true);
        }
    }

    public Task<IReadOnlyDictionary<Symbol, Market>> LoadMarketsAsync(bool reload = false, CancellationToken ct = default) =>
        Task.FromResult<IReadOnlyDictionary<Symbol, Market>>(new Dictionary<Symbol, Market>(Markets));

    public Task<Ticker> FetchTickerAsync(Symbol symbol, CancellationToken ct = default)
    {
        FailIfScripted(ref _failingData, "market data");
        lock (_gate)
        {
            var (bid, ask) = _quotes.GetValueOrDefault(symbol);
            return Task.FromResult(new Ticker(symbol, time.GetUtcNow())
            {
                Bid = bid == 0m ? null : bid,
                Ask = ask == 0m ? null : ask,
                Last = bid == 0m ? null : (bid + ask) / 2m,
            });
        }
    }

    public Task<OrderBook> FetchOrderBookAsync(Symbol symbol, int? limit = null, CancellationToken ct = default)
    {
        lock (_gate)
        {
            var (bid, ask) = _quotes.GetValueOrDefault(symbol);
            return Task.FromResult(new OrderBook(symbol, bid == 0m ? [] : [new(bid, 1m)], ask == 0m ? [] : [new(ask, 1m)], time.GetUtcNow()));
        }
    }

    public Task<IReadOnlyList<Candle>> FetchOhlcvAsync(Symbol symbol, Timeframe timeframe, DateTimeOffset? since = null, int? limit = null,
        CancellationToken ct = default)
    {
        if (Has.FetchOhlcv == Capability.No)
        {
            throw new NotSupported($"{Id} has no candles.");
        }

        FailIfScripted(ref _failingData, "market data");
        lock (_gate)
        {
            var candles = _candles.GetValueOrDefault((symbol, timeframe)) ?? [];
            var selected = candles.Where(c => since is null || c.Time >= since).Where(c => c.Time <= time.GetUtcNow());
            return Task.FromResult<IReadOnlyList<Candle>>([.. limit is { } n ? selected.Take(n) : selected]);
        }
    }

    public Task<Balance> FetchBalanceAsync(CancellationToken ct = default)
    {
        FailIfScripted(ref _failingData, "balance");
        lock (_gate)
        {
            return Task.FromResult(new Balance(new Dictionary<string, CurrencyBalance>(Balances), time.GetUtcNow()));
        }
    }

    public Task<Order> CreateOrderAsync(CreateOrderRequest request, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        Interlocked.Increment(ref _createCalls);
        var script = _scripts.TryDequeue(out var next) ? next : FakeOrderScript.Fill();
        lock (_gate)
        {
            if (script.Failure is not null && !script.AcceptBeforeFailing)
            {
                throw script.Failure;
            }

            if (_orders.TryGetValue(request.ClientOrderId, out var existing) && existing.Status == OrderStatus.Open)
            {
                throw new DuplicateOrderId($"{Id}: duplicate client order id {request.ClientOrderId}.");
            }

            var amount = request.Amount ?? throw new InvalidOrder($"{Id}: amount required.");
            var order = new Order($"{Id}-{Interlocked.Increment(ref _nextOrder)}", request.ClientOrderId, request.Symbol, request.Type, request.Side,
                OrderStatus.Open)
            {
                Amount = amount,
                Remaining = amount,
                Price = request.Price,
                Timestamp = time.GetUtcNow(),
            };
            var price = script.Price ?? request.Price ?? MarketPrice(request.Symbol, request.Side);
            order = script.FillFraction > 0m ? Execute(order, amount * script.FillFraction, price, script.ReportTrades) : order;
            _orders[request.ClientOrderId] = order;
            if (script.Failure is not null)
            {
                throw script.Failure;
            }

            return Task.FromResult(order);
        }
    }

    public Task<Order> CancelOrderAsync(string id, Symbol? symbol = null, CancellationToken ct = default)
    {
        lock (_gate)
        {
            var order = _orders.Values.FirstOrDefault(o => o.Id == id) ?? throw new OrderNotFound($"{Id}: no order {id}.");
            return Task.FromResult(_orders[order.ClientOrderId] = order with { Status = OrderStatus.Canceled });
        }
    }

    public Task<Order> FetchOrderAsync(string id, Symbol? symbol = null, CancellationToken ct = default)
    {
        FailLookupIfScripted();
        lock (_gate)
        {
            return Task.FromResult(_orders.Values.FirstOrDefault(o => o.Id == id) ?? throw new OrderNotFound($"{Id}: no order {id}."));
        }
    }

    public Task<Order?> FetchOrderByClientOrderIdAsync(string clientOrderId, Symbol? symbol = null, CancellationToken ct = default)
    {
        FailLookupIfScripted();
        lock (_gate)
        {
            return Task.FromResult(_orders.GetValueOrDefault(clientOrderId));
        }
    }

    public Task<IReadOnlyList<Order>> FetchOpenOrdersAsync(Symbol? symbol = null, DateTimeOffset? since = null, int? limit = null,
        CancellationToken ct = default)
    {
        lock (_gate)
        {
            return Task.FromResult<IReadOnlyList<Order>>([.. _orders.Values.Where(o => o.Status == OrderStatus.Open)]);
        }
    }

    public Task<IReadOnlyList<Trade>> FetchMyTradesAsync(Symbol? symbol = null, DateTimeOffset? since = null, int? limit = null,
        CancellationToken ct = default)
    {
        lock (_gate)
        {
            return Task.FromResult<IReadOnlyList<Trade>>([.. _orders.Values.SelectMany(o => o.Trades).Where(t => since is null || t.Timestamp >= since)]);
        }
    }

    private void FailLookupIfScripted() => FailIfScripted(ref _failingLookups, "order lookup");

    private void FailIfScripted(ref int counter, string what)
    {
        if (Interlocked.Decrement(ref counter) >= 0)
        {
            throw new ExchangeNotAvailable($"{Id}: {what} failed (scripted outage).");
        }

        Interlocked.Exchange(ref counter, 0);
    }

    private decimal MarketPrice(Symbol symbol, OrderSide side)
    {
        var (bid, ask) = _quotes.GetValueOrDefault(symbol);
        var price = side == OrderSide.Buy ? ask : bid;
        return price > 0m ? price : throw new InvalidOrder($"{Id}: no quote for {symbol}; set one with SetQuote.");
    }

    private Order Execute(Order order, decimal amount, decimal price, bool reportTrades)
    {
        var step = Markets.TryGetValue(order.Symbol, out var market) ? market.Precision.AmountStep : 0.00000001m;
        amount = Math.Min(Precision.Truncate(amount, step), (order.Amount ?? 0m) - order.Filled);
        if (amount <= 0m)
        {
            return order;
        }

        var fee = new Fee(decimal.Round(price * amount * FeeRate, 8), order.Symbol.Quote);
        var trade = new Trade($"{Id}-t{Interlocked.Increment(ref _nextTrade)}", order.Id, order.Symbol, order.Side, price, amount, time.GetUtcNow())
        {
            Fee = fee,
            ClientOrderId = order.ClientOrderId,
        };
        Settle(order.Symbol, order.Side, trade.Cost, amount, fee.Cost);
        var filled = order.Filled + amount;
        var trades = order.Trades.Append(trade).ToList();
        var cost = (order.Cost ?? 0m) + trade.Cost;
        var fees = trades.Where(t => t.Fee is not null).GroupBy(t => t.Fee!.Currency).Select(g => new Fee(g.Sum(t => t.Fee!.Cost), g.Key)).ToList();
        return order with
        {
            Status = filled >= order.Amount ? OrderStatus.Closed : OrderStatus.Open,
            Filled = filled,
            Remaining = order.Amount - filled,
            Cost = cost,
            Average = cost / filled,
            Fees = fees,
            Trades = reportTrades ? trades : [],
            LastTradeTimestamp = trade.Timestamp,
        };
    }

    /// <summary>Books an execution on the account (under the lock, so a balance read sees all of it or none of it).</summary>
    private void Settle(Symbol symbol, OrderSide side, decimal cost, decimal amount, decimal fee)
    {
        var buy = side == OrderSide.Buy;
        Credit(symbol.Quote, buy ? -(cost + fee) : cost - fee);
        Credit(symbol.Base, buy ? amount : -amount);
    }

    private void Credit(string currency, decimal delta)
    {
        var balance = Balances.GetValueOrDefault(currency);
        Balances[currency] = balance with { Free = balance.Free + delta };
    }
}
