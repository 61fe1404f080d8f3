using Microsoft.Extensions.Options;
using TradingBot.Core.Exchange;
using TradingBot.Core.Execution;
using TradingBot.Exchanges;
using TradingBot.Functions.Telemetry;

namespace TradingBot.Functions.Venues;

/// <summary>
/// <see cref="IVenues"/> over the adapter registry: live orders go to the registered adapter only when the venue's
/// mode is <c>Live</c>; otherwise to its paper account. Every venue handed out is wrapped in
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
            return trading.Value.ModeOf(venue) == TradingMode.Live
                ? Instrument(registry.Get(venue))
                : throw new PermissionDenied($"{venue}: live trading is not enabled (set Trading__Venues__{venue}__Mode=Live).") { Venue = venue };
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
