using TradingBot.Core.Exchange;

namespace TradingBot.Functions.Venues;

/// <summary>The paper account that simulates trading on a venue's markets (orders never reach the venue).</summary>
public interface IPaperVenues
{
    IExchange For(string venue);
}
