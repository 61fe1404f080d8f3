using TradingBot.Core.Exchange;
using TradingBot.Core.Execution;

namespace TradingBot.Functions.Venues;

/// <summary>Where the pipeline gets venues: market data from the venue itself, orders from the live venue or its paper account.</summary>
public interface IVenues
{
    /// <summary>The configured trading mode of <paramref name="venue"/> (paper unless set to live).</summary>
    TradingMode ModeOf(string venue);

    /// <summary>The venue for candles and quotes (public data). Unknown venues throw <see cref="NotSupported"/>.</summary>
    IExchange MarketData(string venue);

    /// <summary>The venue that executes orders of <paramref name="venue"/> in <paramref name="mode"/>.</summary>
    IExchange Trading(string venue, TradingMode mode);
}
