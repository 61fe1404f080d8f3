namespace TradingBot.Core.Exchange;

/// <summary>The lower-case venue ids (<see cref="IExchange.Id"/>, configuration section names, CLI <c>--venue</c>).</summary>
public static class VenueIds
{
    public const string Binance = "binance";
    public const string Coinbase = "coinbase";
    public const string Robinhood = "robinhood";
    public const string Paper = "paper";
}
