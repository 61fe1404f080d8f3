using Microsoft.Extensions.Options;
using TradingBot.Core.Exchange;
using TradingBot.Core.Execution;
using TradingBot.Exchanges;
using TradingBot.Functions.Telemetry;

namespace TradingBot.Functions.Venues;

/// <summary>
/// <see cref="IVenues"/> over the adapter registry: the live adapter for live orders, the venue's paper account for
/// paper orders (a new order is live only when the venue's mode is <c>Live</c>). Every venue handed out is wrapped in
/// <see cref="InstrumentedExchange"/> (latency, errors, rate-limit waits).
/// </summary>
public sealed class VenueDirectory(VenueRegistry registry, IOptions<TradingOptions> trading, PipelineMetrics metrics, TimeProvider time,
    IEnumerable<IPaperVenues> paper) : IVenues
{
    private readonly IPaperVenues? _paper = paper.LastOrDefault();

    public TradingMode ModeOf(string venue) => venue == TradingAccounts.PaperVenue ? TradingMode.Paper : trading.Value.ModeOf(venue);

    public IExchange MarketData(string venue) => Instrument(registry.Get(venue));

    public IExchange Trading(string venue, TradingMode mode)
    {
        if (mode == TradingMode.Live && venue != TradingAccounts.PaperVenue)
        {
            // Orders already placed live stay reachable for lookups; placing a new live order checks the setting (OrderExecutor).
            return Instrument(registry.Get(venue));
        }

        if (venue == TradingAccounts.PaperVenue && registry.Contains(venue))
        {
            return Instrument(registry.Get(venue));
        }

        return _paper is null
            ? throw new NotSupported($"{venue}: paper trading is not available in this build (no paper venue registered).") { Venue = venue }
            : Instrument(_paper.For(venue));
    }

    private InstrumentedExchange Instrument(IExchange exchange) =>
        exchange as InstrumentedExchange ?? new InstrumentedExchange(exchange, metrics, time);
}
