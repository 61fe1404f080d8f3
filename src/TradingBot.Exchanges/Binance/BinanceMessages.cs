// Binance spot REST payloads as sent on the wire (field names camelCase, numbers as decimal strings), read with
// BinanceMessages.Json. Only the fields the adapter maps are declared; unknown fields are ignored.
// A field with a default is never an init-only property with an initializer: the generated contracts (BinanceJsonContext)
// set every init-only property when they create a record, so a field missing from the JSON would overwrite the initializer
// with null or 0. A list the venue may leave out reads as empty instead (get => field ?? []); a number or flag with a
// default is a constructor parameter with that default, which the contracts apply when the field is missing.

using System.Text.Json;
using System.Text.Json.Serialization;

namespace TradingBot.Exchanges.Binance;

/// <summary>
/// JSON settings for every Binance payload: camelCase names, decimals read from strings; a field the records require
/// (a constructor parameter, a non-nullable reference) that is missing or null is a <see cref="BadResponse"/> naming it,
/// never a null that fails later. Only the contracts of <see cref="BinanceJsonContext"/> are known (no reflection).
/// </summary>
internal static class BinanceMessages
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        NumberHandling = JsonNumberHandling.AllowReadingFromString,
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
        TypeInfoResolver = BinanceJsonContext.Default,
    };
}

/// <summary>The generated contracts of the Binance payloads read or written with <see cref="BinanceMessages.Json"/>.</summary>
[JsonSourceGenerationOptions(GenerationMode = JsonSourceGenerationMode.Metadata)]
[JsonSerializable(typeof(BinanceError))]
[JsonSerializable(typeof(BinanceServerTime))]
[JsonSerializable(typeof(BinanceExchangeInfo))]
[JsonSerializable(typeof(BinanceTicker24h))]
[JsonSerializable(typeof(BinanceBookTicker))]
[JsonSerializable(typeof(BinanceDepth))]
[JsonSerializable(typeof(List<JsonElement[]>))]
[JsonSerializable(typeof(BinanceAccount))]
[JsonSerializable(typeof(BinanceOrder))]
[JsonSerializable(typeof(List<BinanceOrder>))]
[JsonSerializable(typeof(List<BinanceMyTrade>))]
[JsonSerializable(typeof(BinanceApiRestrictions))]
internal sealed partial class BinanceJsonContext : JsonSerializerContext;

internal sealed record BinanceError(int Code, string? Msg);

internal sealed record BinanceServerTime(long ServerTime);

internal sealed record BinanceExchangeInfo
{
    public long ServerTime { get; init; }

    public IReadOnlyList<BinanceRateLimit> RateLimits { get => field ?? []; init; }

    public IReadOnlyList<BinanceSymbol> Symbols { get => field ?? []; init; }
}

internal sealed record BinanceRateLimit(string RateLimitType, string Interval, int IntervalNum, int Limit);

internal sealed record BinanceSymbol(int BaseAssetPrecision = 8, int QuoteAssetPrecision = 8, bool IsSpotTradingAllowed = true)
{
    public required string Symbol { get; init; }

    public required string Status { get; init; }

    public required string BaseAsset { get; init; }

    public required string QuoteAsset { get; init; }

    public IReadOnlyList<string> OrderTypes { get => field ?? []; init; }

    public bool QuoteOrderQtyMarketAllowed { get; init; }

    public IReadOnlyList<BinanceFilter> Filters { get => field ?? []; init; }
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

    public IReadOnlyList<decimal[]> Bids { get => field ?? []; init; }

    public IReadOnlyList<decimal[]> Asks { get => field ?? []; init; }
}

internal sealed record BinanceAccount
{
    public bool CanTrade { get; init; }

    public bool CanWithdraw { get; init; }

    public long UpdateTime { get; init; }

    public string? AccountType { get; init; }

    public IReadOnlyList<BinanceBalance> Balances { get => field ?? []; init; }
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

    public IReadOnlyList<BinanceFill> Fills { get => field ?? []; init; }
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
