using TradingBot.Core.Market;

namespace TradingBot.Core.Exchange;

/// <summary>A CCXT unified ticker. Missing values are null.</summary>
public sealed record Ticker(Symbol Symbol, DateTimeOffset Timestamp)
{
    public decimal? Bid { get; init; }

    public decimal? BidVolume { get; init; }

    public decimal? Ask { get; init; }

    public decimal? AskVolume { get; init; }

    public decimal? Last { get; init; }

    public decimal? Open { get; init; }

    public decimal? High { get; init; }

    public decimal? Low { get; init; }

    public decimal? BaseVolume { get; init; }

    public decimal? QuoteVolume { get; init; }

    /// <summary>CCXT <c>vwap</c>: volume-weighted average price over the ticker's period (Binance weightedAvgPrice).</summary>
    public decimal? Vwap { get; init; }

    /// <summary>CCXT <c>previousClose</c>: the previous period's close.</summary>
    public decimal? PreviousClose { get; init; }

    /// <summary>CCXT <c>average</c> = (open + last) / 2.</summary>
    public decimal? Average => Last is { } last && Open is { } open ? (open + last) / 2m : null;

    /// <summary>CCXT <c>close</c> = <c>last</c>.</summary>
    public decimal? Close => Last;

    /// <summary>CCXT <c>change</c> = last − open.</summary>
    public decimal? Change => Last is { } last && Open is { } open ? last - open : null;

    /// <summary>CCXT <c>percentage</c> = change / open · 100.</summary>
    public decimal? Percentage => Change is { } change && Open is { } open && open != 0m ? change / open * 100m : null;

    /// <summary>Mid price when both sides are known, else the last price.</summary>
    public decimal? Mid => Bid is { } bid && Ask is { } ask ? (bid + ask) / 2m : Last;
}
