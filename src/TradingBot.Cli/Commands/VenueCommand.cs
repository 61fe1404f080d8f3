using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;
using TradingBot.Backtesting.Paper;
using TradingBot.Cli.Output;
using TradingBot.Core.Exchange;
using TradingBot.Core.Market;
using TradingBot.Exchanges;
using Symbol = TradingBot.Core.Market.Symbol;

namespace TradingBot.Cli.Commands;

/// <summary>
/// <c>tradingbot venue &lt;markets|ticker|book|candles|balance|order|cancel|get-order|orders|trades&gt; --venue
/// &lt;binance|coinbase|robinhood|paper&gt; [--symbol BTC/USDT] [--testnet] [--base-url URL] [--json]</c>: lets an operator
/// check keys and connectivity before going live. Keys come from configuration (<c>Venues:&lt;Venue&gt;:ApiKey</c>,
/// <c>…:ApiSecret</c>; environment variables <c>Venues__Binance__ApiKey</c>; user secrets). <c>order</c> applies the
/// market's precision and limits first and sends nothing when the order is out of bounds. Exit codes: 0 ok, 2 bad
/// input (including an order rejected locally), 1 venue error (printed as the CCXT error class and message).
/// </summary>
internal static class VenueCommand
{
    private static readonly string[] VenueNames = [VenueIds.Binance, VenueIds.Coinbase, VenueIds.Robinhood, VenueIds.Paper];

    /// <summary>The command for the process: configuration is read only when a venue command runs.</summary>
    public static Command Create(IAnsiConsole console) => Create(console, VenueEnvironment.FromProcess);

    /// <summary>The command with a fixed environment (tests: in-memory configuration, a fake clock).</summary>
    public static Command Create(IAnsiConsole console, VenueEnvironment environment) => Create(console, () => environment);

    public static Command Create(IAnsiConsole console, Func<VenueEnvironment> environment)
    {
        var command = new Command("venue", "Check a venue's keys and connectivity: markets, prices, balances and orders");
        command.Subcommands.Add(Action("markets", "List the venue's markets with precision and limits", console, environment, [], async c =>
        {
            var markets = (await c.Exchange.LoadMarketsAsync(false, c.Ct)).Values
                .Where(m => c.Symbol is null || m.Symbol == c.Symbol).OrderBy(m => m.Symbol.ToString(), StringComparer.Ordinal).ToList();
            Write(c, markets, () => VenueOutput.Markets(c.Console, markets));
        }));
        command.Subcommands.Add(Action("ticker", "Show the ticker (bid, ask, last, 24h figures)", console, environment, [], async c =>
        {
            var ticker = await c.Exchange.FetchTickerAsync(c.RequireSymbol(), c.Ct);
            Write(c, ticker, () => VenueOutput.Ticker(c.Console, ticker));
        }));
        var bookLimit = new Option<int?>("--limit") { Description = "Price levels per side" };
        command.Subcommands.Add(Action("book", "Show the order book", console, environment, [bookLimit], async c =>
        {
            var book = await c.Exchange.FetchOrderBookAsync(c.RequireSymbol(), Positive(c.Parse.GetValue(bookLimit), "--limit"), c.Ct);
            Write(c, book, () => VenueOutput.Book(c.Console, book));
        }));
        var timeframe = new Option<string>("--timeframe") { Description = "Candle interval (1m, 5m, 1h, 1d...)", DefaultValueFactory = _ => "1h" };
        var since = new Option<string?>("--since") { Description = "First candle/trade time (ISO-8601 UTC)" };
        var candleLimit = new Option<int?>("--limit") { Description = "Most candles to fetch (default: the venue's page, or all since --since)" };
        command.Subcommands.Add(Action("candles", "Fetch OHLCV candles (paginated for long ranges)", console, environment, [timeframe, since, candleLimit], async c =>
        {
            var interval = DataCommand.ParseTimeframe(c.Parse.GetValue(timeframe)!);
            var from = c.Parse.GetValue(since) is { } text ? DataCommand.ParseTime(text, "--since") : (DateTimeOffset?)null;
            var candles = await c.Exchange.FetchOhlcvAsync(c.RequireSymbol(), interval, from, Positive(c.Parse.GetValue(candleLimit), "--limit"), c.Ct);
            Write(c, candles, () => VenueOutput.Candles(c.Console, candles));
        }));
        command.Subcommands.Add(Action("balance", "Show the account balances (needs keys)", console, environment, [], async c =>
        {
            var balance = await c.Exchange.FetchBalanceAsync(c.Ct);
            Write(c, balance, () => VenueOutput.Balance(c.Console, balance));
        }));
        command.Subcommands.Add(CreateOrder(console, environment));
        var id = new Option<string>("--id") { Description = "The venue's order id", Required = true };
        command.Subcommands.Add(Action("cancel", "Cancel an open order", console, environment, [id], async c =>
        {
            var order = await c.Exchange.CancelOrderAsync(c.Parse.GetValue(id)!, c.Symbol, c.Ct);
            Write(c, order, () => VenueOutput.Order(c.Console, order));
        }));
        var orderId = new Option<string?>("--id") { Description = "The venue's order id" };
        var clientOrderId = new Option<string?>("--client-order-id") { Description = "Our client order id" };
        command.Subcommands.Add(Action("get-order", "Look an order up by venue id or by client order id", console, environment, [orderId, clientOrderId], async c =>
        {
            var byId = c.Parse.GetValue(orderId);
            var byClient = c.Parse.GetValue(clientOrderId);
            if ((byId is null) == (byClient is null))
            {
                throw new UsageException("get-order needs exactly one of --id or --client-order-id.");
            }

            var order = byId is not null
                ? await c.Exchange.FetchOrderAsync(byId, c.Symbol, c.Ct)
                : await c.Exchange.FetchOrderByClientOrderIdAsync(byClient!, c.Symbol, c.Ct)
                    ?? throw new OrderNotFound($"{c.Exchange.Id} has no order with client order id {byClient}.") { Venue = c.Exchange.Id };
            Write(c, order, () => VenueOutput.Order(c.Console, order));
        }));
        var ordersLimit = new Option<int?>("--limit") { Description = "Most orders to show" };
        command.Subcommands.Add(Action("orders", "List open orders", console, environment, [ordersLimit], async c =>
        {
            var orders = await c.Exchange.FetchOpenOrdersAsync(c.Symbol, null, Positive(c.Parse.GetValue(ordersLimit), "--limit"), c.Ct);
            Write(c, orders, () => VenueOutput.Orders(c.Console, orders));
        }));
        var tradesSince = new Option<string?>("--since") { Description = "First trade time (ISO-8601 UTC)" };
        var tradesLimit = new Option<int?>("--limit") { Description = "Most trades to show" };
        command.Subcommands.Add(Action("trades", "List our recent trades (fills)", console, environment, [tradesSince, tradesLimit], async c =>
        {
            var from = c.Parse.GetValue(tradesSince) is { } text ? DataCommand.ParseTime(text, "--since") : (DateTimeOffset?)null;
            var trades = await c.Exchange.FetchMyTradesAsync(c.Symbol, from, Positive(c.Parse.GetValue(tradesLimit), "--limit"), c.Ct);
            Write(c, trades, () => VenueOutput.Trades(c.Console, trades));
        }));
        return command;
    }

    private static Command CreateOrder(IAnsiConsole console, Func<VenueEnvironment> environment)
    {
        var side = new Option<string>("--side") { Description = "buy or sell", Required = true };
        side.AcceptOnlyFromAmong("buy", "sell");
        var type = new Option<string>("--type") { Description = "market or limit", Required = true };
        type.AcceptOnlyFromAmong("market", "limit");
        var amount = new Option<string>("--amount") { Description = "Base amount (truncated to the market's step)", Required = true };
        var price = new Option<string?>("--price") { Description = "Limit price (rounded to the tick, never to a worse price)" };
        var clientOrderId = new Option<string?>("--client-order-id") { Description = "Client order id (default: a new UUID)" };
        return Action("order", "Place an order after applying the market's precision and limits", console, environment,
            [side, type, amount, price, clientOrderId], async c =>
            {
                var symbol = c.RequireSymbol();
                var orderType = c.Parse.GetValue(type) == "limit" ? OrderType.Limit : OrderType.Market;
                var orderSide = c.Parse.GetValue(side) == "buy" ? OrderSide.Buy : OrderSide.Sell;
                var limitPrice = c.Parse.GetValue(price) is { } p ? ValueParsers.Decimal(p, "--price") : (decimal?)null;
                if (orderType == OrderType.Limit && limitPrice is null)
                {
                    throw new UsageException("--price is required for a limit order.");
                }

                if (orderType == OrderType.Market && limitPrice is not null)
                {
                    throw new UsageException("--price is only for limit orders.");
                }

                var request = new CreateOrderRequest(symbol, orderType, orderSide, c.Parse.GetValue(clientOrderId) ?? Guid.NewGuid().ToString())
                {
                    Amount = ValueParsers.Decimal(c.Parse.GetValue(amount)!, "--amount"),
                    Price = limitPrice,
                };
                var markets = await c.Exchange.LoadMarketsAsync(false, c.Ct);
                var market = markets.TryGetValue(symbol, out var found)
                    ? found
                    : throw new UsageException($"--symbol: {c.Exchange.Id} has no market {symbol}.");
                decimal? reference = null;
                if (orderType == OrderType.Market)
                {
                    var ticker = await c.Exchange.FetchTickerAsync(symbol, c.Ct);
                    reference = (orderSide == OrderSide.Buy ? ticker.Ask : ticker.Bid) ?? ticker.Last;
                }

                CreateOrderRequest prepared;
                try
                {
                    prepared = OrderValidator.Prepare(market, request, reference);
                }
                catch (ExchangeError ex) when (ex is InvalidOrder or MarketClosed)
                {
                    throw new UsageException($"{ex.GetType().Name}: {ex.Message} Nothing was sent.", ex);
                }

                if (!c.Json)
                {
                    c.Console.MarkupLineInterpolated(
                        $"Sending {orderSide.ToString().ToLowerInvariant()} {orderType.ToString().ToLowerInvariant()} {Precision.ToWire(prepared.Amount!.Value)} {symbol}{(prepared.Price is { } lp ? " @ " + Precision.ToWire(lp) : "")} to {c.Exchange.Id} (client order id {prepared.ClientOrderId})");
                }

                var order = await c.Exchange.CreateOrderAsync(prepared, c.Ct);
                Write(c, order, () => VenueOutput.Order(c.Console, order));
            });
    }

    private static Command Action(string name, string description, IAnsiConsole console, Func<VenueEnvironment> environment, Option[] extra,
        Func<VenueContext, Task> run)
    {
        var venue = new Option<string>("--venue") { Description = "binance, coinbase, robinhood or paper", Required = true };
        venue.AcceptOnlyFromAmong(VenueNames);
        var symbol = new Option<string?>("--symbol") { Description = "Unified symbol, e.g. BTC/USDT" };
        var testnet = new Option<bool>("--testnet") { Description = "Use the venue's test environment" };
        var baseUrl = new Option<string?>("--base-url") { Description = "Send requests to another host (a local fake, a proxy)" };
        var json = new Option<bool>("--json") { Description = "Print JSON instead of tables" };
        var command = new Command(name, description) { venue, symbol, testnet, baseUrl, json };
        foreach (var option in extra)
        {
            command.Options.Add(option);
        }

        command.SetAction(async (parse, ct) =>
        {
            try
            {
                var venueId = parse.GetValue(venue)!;
                var parsedSymbol = parse.GetValue(symbol) is { } text ? ParseSymbol(text) : (Symbol?)null;
                var url = parse.GetValue(baseUrl) is { } u ? ParseUrl(u) : null;
                await using var services = BuildServices(environment(), venueId, parse.GetValue(testnet), url);
                var exchange = services.GetRequiredService<VenueRegistry>().Get(venueId);
                await run(new VenueContext(parse, exchange, parsedSymbol, parse.GetValue(json), console, ct));
                return ExitCodes.Success;
            }
            catch (UsageException ex)
            {
                console.MarkupLineInterpolated($"[red]error:[/] {ex.Message}");
                return ExitCodes.BadInput;
            }
            catch (BaseError ex)
            {
                console.MarkupLineInterpolated($"[red]{ex.GetType().Name}:[/] {ex.Message}");
                return ExitCodes.InternalError;
            }
        });
        return command;
    }

    private static ServiceProvider BuildServices(VenueEnvironment environment, string venue, bool testnet, Uri? baseUrl)
    {
        var overrides = new Dictionary<string, string?>();
        if (testnet)
        {
            overrides[$"Venues:{venue}:Testnet"] = "true";
        }

        if (baseUrl is not null)
        {
            overrides[$"Venues:{venue}:BaseUrl"] = baseUrl.ToString();
        }

        var configuration = new ConfigurationBuilder().AddConfiguration(environment.Configuration).AddInMemoryCollection(overrides).Build();
        return new ServiceCollection()
            .AddLogging()
            .AddSingleton(environment.Time)
            .AddExchanges(configuration)
            .AddVenue(VenueIds.Paper, sp => CreatePaper(sp, configuration))
            .BuildServiceProvider();
    }

    /// <summary>
    /// The paper venue: <c>Venues:Paper:PriceSource</c> = <c>simulated</c> (default; seeded by <c>Venues:Paper:Seed</c>,
    /// default 42) or a venue id whose live quotes it fills against. The account lives for one command unless
    /// <c>Venues:Paper:StateFile</c> names a JSON file to keep it in.
    /// </summary>
    private static PaperExchange CreatePaper(IServiceProvider services, IConfiguration configuration)
    {
        var section = configuration.GetSection("Venues:Paper");
        var time = services.GetRequiredService<TimeProvider>();
        var source = section["PriceSource"] is { Length: > 0 } name ? name.Trim().ToLowerInvariant() : "simulated";
        var seedText = section["Seed"];
        var seed = 42;
        if (seedText is not null && !int.TryParse(seedText, NumberStyles.Integer, CultureInfo.InvariantCulture, out seed))
        {
            throw new UsageException($"Venues:Paper:Seed must be an integer, not '{seedText}'.");
        }

        IPriceSource prices = source == "simulated"
            ? new SimulatedMarket(seed, time)
            : source != VenueIds.Paper
                ? new LiveVenuePriceSource(services.GetRequiredService<VenueRegistry>().Get(source))
                : throw new UsageException("Venues:Paper:PriceSource cannot be the paper venue itself.");
        IPaperAccountStore store = section["StateFile"] is { Length: > 0 } file ? new JsonFilePaperAccountStore(file) : new InMemoryPaperAccountStore();
        return new PaperExchange(prices, store, new PaperOptions(), time);
    }

    private static void Write<T>(VenueContext context, T value, Action table)
    {
        if (context.Json)
        {
            VenueOutput.WriteJson(context.Console, value);
        }
        else
        {
            table();
        }
    }

    private static Symbol ParseSymbol(string text) => Symbol.TryParse(text, out var symbol)
        ? symbol
        : throw new UsageException($"--symbol: '{text}' is not a symbol; use BASE/QUOTE such as BTC/USDT.");

    private static Uri ParseUrl(string text) =>
        Uri.TryCreate(text, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
            ? uri
            : throw new UsageException($"--base-url: '{text}' is not an http(s) URL.");

    private static int? Positive(int? value, string option) => value is <= 0
        ? throw new UsageException($"{option} must be positive, got {value}.")
        : value;

    private sealed record VenueContext(ParseResult Parse, IExchange Exchange, Symbol? Symbol, bool Json, IAnsiConsole Console, CancellationToken Ct)
    {
        public Symbol RequireSymbol() => Symbol ?? throw new UsageException($"--symbol is required for '{Parse.CommandResult.Command.Name}' (e.g. --symbol BTC/USDT).");
    }
}
