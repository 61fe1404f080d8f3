// Binance spot REST payloads as sent on the wire (field names camelCase, numbers as decimal strings), read with
// BinanceMessages.Json. Only the fields the adapter maps are declared; unknown fields are ignored.

using System.Text.Json;
using System.Text.Json.Serialization;

namespace TradingBot.Exchanges.Binance;

/// <summary>
/// JSON settings for every Binance payload: camelCase names, decimals read from strings; a field the records require
/// (a constructor parameter, a non-nullable reference) that is missing or null is a <see cref="BadResponse"/> naming it,
/// never a null that fails later.
/// </summary>
internal static class BinanceMessages
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        NumberHandling = JsonNumberHandling.AllowReadingFromString,
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
    };
}

internal sealed record BinanceError(int Code, string? Msg);

internal sealed record BinanceServerTime(long ServerTime);

internal sealed record BinanceExchangeInfo
{
    public long ServerTime { get; init; }

    public IReadOnlyList<BinanceRateLimit> RateLimits { get; init; } = [];

    public IReadOnlyList<BinanceSymbol> Symbols { get; init; } = [];
}

internal sealed record BinanceRateLimit(string RateLimitType, string Interval, int IntervalNum, int Limit);

internal sealed record BinanceSymbol
{
    public required string Symbol { get; init; }

    public required string Status { get; init; }

    public required string BaseAsset { get; init; }

    public required string QuoteAsset { get; init; }

    public int BaseAssetPrecision { get; init; } = 8;

    public int QuoteAssetPrecision { get; init; } = 8;

    public IReadOnlyList<string> OrderTypes { get; init; } = [];

    public bool QuoteOrderQtyMarketAllowed { get; init; }

    public bool IsSpotTradingAllowed { get; init; } = true;

    public IReadOnlyList<BinanceFilter> Filters { get; init; } = [];
}

internal sealed record BinanceFilter
{
    public required string FilterType { get; init; }

    public decimal? MinPrice { get; init; }

    public decimal? MaxPrice { get; init; }

    public decimal? TickSize { get; init; }

    public decimal? MinQty { get; init; }

    public decimal? MaxQty { get; init; }

    public decimal? StepSize { get; init; }

    public decimal? MinNotional { get; init; }

    public decimal? MaxNotional { get; init; }

    public bool? ApplyMinToMarket { get; init; }

    public bool? ApplyToMarket { get; init; }
}

internal sealed record BinanceTicker24h
{
    public required string Symbol { get; init; }

    public decimal? PriceChange { get; init; }

    public decimal? PriceChangePercent { get; init; }

    public decimal? WeightedAvgPrice { get; init; }

    public decimal? PrevClosePrice { get; init; }

    public decimal? LastPrice { get; init; }

    public decimal? BidPrice { get; init; }

    public decimal? BidQty { get; init; }

    public decimal? AskPrice { get; init; }

    public decimal? AskQty { get; init; }

    public decimal? OpenPrice { get; init; }

    public decimal? HighPrice { get; init; }

    public decimal? LowPrice { get; init; }

    public decimal? Volume { get; init; }

    public decimal? QuoteVolume { get; init; }

    public long CloseTime { get; init; }
}

internal sealed record BinanceBookTicker(string Symbol, decimal BidPrice, decimal BidQty, decimal AskPrice, decimal AskQty);

internal sealed record BinanceDepth
{
    public long LastUpdateId { get; init; }

    public IReadOnlyList<decimal[]> Bids { get; init; } = [];

    public IReadOnlyList<decimal[]> Asks { get; init; } = [];
}

internal sealed record BinanceAccount
{
    public bool CanTrade { get; init; }

    public bool CanWithdraw { get; init; }

    public long UpdateTime { get; init; }

    public string? AccountType { get; init; }

    public IReadOnlyList<BinanceBalance> Balances { get; init; } = [];
}

internal sealed record BinanceBalance(string Asset, decimal Free, decimal Locked);

internal sealed record BinanceOrder
{
    public required string Symbol { get; init; }

    public long OrderId { get; init; }

    public string? ClientOrderId { get; init; }

    /// <summary>On a cancel response: the order's own client id (<see cref="ClientOrderId"/> is the cancel request's).</summary>
    public string? OrigClientOrderId { get; init; }

    public long? TransactTime { get; init; }

    public long? Time { get; init; }

    public long? UpdateTime { get; init; }

    public long? WorkingTime { get; init; }

    public decimal? Price { get; init; }

    public decimal? OrigQty { get; init; }

    public decimal? ExecutedQty { get; init; }

    public decimal? CummulativeQuoteQty { get; init; }

    public decimal? OrigQuoteOrderQty { get; init; }

    public decimal? StopPrice { get; init; }

    public required string Status { get; init; }

    public string? TimeInForce { get; init; }

    public required string Type { get; init; }

    public required string Side { get; init; }

    public IReadOnlyList<BinanceFill> Fills { get; init; } = [];
}

internal sealed record BinanceFill(decimal Price, decimal Qty, decimal Commission, string CommissionAsset, long TradeId);

internal sealed record BinanceMyTrade
{
    public required string Symbol { get; init; }

    public long Id { get; init; }

    public long OrderId { get; init; }

    public decimal Price { get; init; }

    public decimal Qty { get; init; }

    public decimal QuoteQty { get; init; }

    public decimal Commission { get; init; }

    public string? CommissionAsset { get; init; }

    public long Time { get; init; }

    public bool IsBuyer { get; init; }

    public bool IsMaker { get; init; }
}

/// <summary><c>GET /sapi/v1/account/apiRestrictions</c>: what the API key may do.</summary>
internal sealed record BinanceApiRestrictions
{
    public bool IpRestrict { get; init; }

    public bool EnableReading { get; init; }

    public bool EnableWithdrawals { get; init; }

    public bool EnableInternalTransfer { get; init; }

    public bool PermitsUniversalTransfer { get; init; }

    public bool EnableSpotAndMarginTrading { get; init; }
}
