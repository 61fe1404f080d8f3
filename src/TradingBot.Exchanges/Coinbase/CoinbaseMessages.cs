// Wire shapes of the Coinbase Advanced Trade API v3 (exchanges.md §2). Field names are snake_case on the wire;
// numbers arrive as JSON strings (sometimes empty) and are kept as strings here, parsed by CoinbaseMapper with the
// field name in any error. Only the fields the adapter reads are declared.

using System.Text.Json;
using System.Text.Json.Serialization;

namespace TradingBot.Exchanges.Coinbase;

/// <summary>
/// JSON settings for every Coinbase payload. The keys the adapter cannot do without (an order's id, a product's id)
/// are <c>required</c>: missing or null, the read fails naming them (a <see cref="TradingBot.Core.Exchange.BadResponse"/>)
/// instead of an empty id that fails later or is stored. Only the contracts of <see cref="CoinbaseJsonContext"/> are
/// known (no reflection).
/// </summary>
internal static class CoinbaseJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        RespectNullableAnnotations = true,
        TypeInfoResolver = CoinbaseJsonContext.Default,
    };
}

/// <summary>The generated contracts of the Coinbase payloads read or written with <see cref="CoinbaseJson.Options"/>.</summary>
[JsonSourceGenerationOptions(GenerationMode = JsonSourceGenerationMode.Metadata)]
[JsonSerializable(typeof(CoinbaseProductsResponse))]
[JsonSerializable(typeof(CoinbaseTransactionSummary))]
[JsonSerializable(typeof(CoinbaseTickerResponse))]
[JsonSerializable(typeof(CoinbaseProductBookResponse))]
[JsonSerializable(typeof(CoinbaseBestBidAskResponse))]
[JsonSerializable(typeof(CoinbaseCandlesResponse))]
[JsonSerializable(typeof(CoinbaseAccountsResponse))]
[JsonSerializable(typeof(CoinbaseOrderResponse))]
[JsonSerializable(typeof(CoinbaseOrdersResponse))]
[JsonSerializable(typeof(CoinbaseFillsResponse))]
[JsonSerializable(typeof(CoinbaseCreateOrderRequest))]
[JsonSerializable(typeof(CoinbaseCreateOrderResponse))]
[JsonSerializable(typeof(CoinbaseCancelOrdersRequest))]
[JsonSerializable(typeof(CoinbaseCancelOrdersResponse))]
[JsonSerializable(typeof(CoinbaseErrorResponse))]
internal sealed partial class CoinbaseJsonContext : JsonSerializerContext;

internal sealed record CoinbaseProduct
{
    public required string ProductId { get; init; }
    public string? Price { get; init; }
    [JsonPropertyName("volume_24h")]
    public string? Volume24h { get; init; }
    [JsonPropertyName("price_percentage_change_24h")]
    public string? PricePercentageChange24h { get; init; }
    public string? BaseIncrement { get; init; }
    public string? QuoteIncrement { get; init; }
    public string? PriceIncrement { get; init; }
    public string? BaseMinSize { get; init; }
    public string? BaseMaxSize { get; init; }
    public string? QuoteMinSize { get; init; }
    public string? QuoteMaxSize { get; init; }
    public string? Status { get; init; }
    public bool IsDisabled { get; init; }
    public bool TradingDisabled { get; init; }
    public bool CancelOnly { get; init; }
    public bool LimitOnly { get; init; }
    public bool PostOnly { get; init; }
    public bool ViewOnly { get; init; }
    public bool AuctionMode { get; init; }
    public string? ProductType { get; init; }
    public string? BaseCurrencyId { get; init; }
    public string? QuoteCurrencyId { get; init; }
    public string? Alias { get; init; }
}

internal sealed record CoinbaseProductsResponse(IReadOnlyList<CoinbaseProduct>? Products, int? NumProducts);

internal sealed record CoinbaseFeeTier(string? PricingTier, string? TakerFeeRate, string? MakerFeeRate);

internal sealed record CoinbaseTransactionSummary(CoinbaseFeeTier? FeeTier);

internal sealed record CoinbaseMarketTrade(string? TradeId, string? ProductId, string? Price, string? Size, string? Time, string? Side);

internal sealed record CoinbaseTickerResponse(IReadOnlyList<CoinbaseMarketTrade>? Trades, string? BestBid, string? BestAsk);

internal sealed record CoinbaseBookLevel(string? Price, string? Size);

internal sealed record CoinbasePriceBook(string? ProductId, IReadOnlyList<CoinbaseBookLevel>? Bids, IReadOnlyList<CoinbaseBookLevel>? Asks, string? Time);

internal sealed record CoinbaseProductBookResponse(CoinbasePriceBook? Pricebook, string? Last, string? MidMarket);

internal sealed record CoinbaseBestBidAskResponse(IReadOnlyList<CoinbasePriceBook>? Pricebooks);

internal sealed record CoinbaseCandle(string? Start, string? Low, string? High, string? Open, string? Close, string? Volume);

internal sealed record CoinbaseCandlesResponse(IReadOnlyList<CoinbaseCandle>? Candles);

internal sealed record CoinbaseAmount(string? Value, string? Currency);

internal sealed record CoinbaseAccount(string? Uuid, string? Currency, CoinbaseAmount? AvailableBalance, CoinbaseAmount? Hold, bool? Active);

internal sealed record CoinbaseAccountsResponse(IReadOnlyList<CoinbaseAccount>? Accounts, bool HasNext, string? Cursor);

/// <summary>One <c>order_configuration</c> entry (whichever key is present carries these fields).</summary>
internal sealed record CoinbaseOrderTerms
{
    public string? QuoteSize { get; init; }
    public string? BaseSize { get; init; }
    public string? LimitPrice { get; init; }
    public string? StopPrice { get; init; }
    public string? StopTriggerPrice { get; init; }
    public string? EndTime { get; init; }
    public bool? PostOnly { get; init; }
}

internal sealed record CoinbaseOrderConfiguration
{
    public CoinbaseOrderTerms? MarketMarketIoc { get; init; }
    public CoinbaseOrderTerms? MarketMarketFok { get; init; }
    public CoinbaseOrderTerms? SorLimitIoc { get; init; }
    public CoinbaseOrderTerms? LimitLimitGtc { get; init; }
    public CoinbaseOrderTerms? LimitLimitGtd { get; init; }
    public CoinbaseOrderTerms? LimitLimitFok { get; init; }
    public CoinbaseOrderTerms? StopLimitStopLimitGtc { get; init; }
    public CoinbaseOrderTerms? StopLimitStopLimitGtd { get; init; }
    public CoinbaseOrderTerms? TriggerBracketGtc { get; init; }
    public CoinbaseOrderTerms? TriggerBracketGtd { get; init; }
}

internal sealed record CoinbaseOrder
{
    public required string OrderId { get; init; }
    public string? ProductId { get; init; }
    public CoinbaseOrderConfiguration? OrderConfiguration { get; init; }
    public string? Side { get; init; }
    public string? ClientOrderId { get; init; }
    public string? Status { get; init; }
    public string? TimeInForce { get; init; }
    public string? CreatedTime { get; init; }
    public string? FilledSize { get; init; }
    public string? AverageFilledPrice { get; init; }
    public string? FilledValue { get; init; }
    public string? NumberOfFills { get; init; }
    public bool PendingCancel { get; init; }
    public bool SizeInQuote { get; init; }
    public string? TotalFees { get; init; }
    public string? OrderType { get; init; }
    public string? RejectReason { get; init; }
    public string? RejectMessage { get; init; }
    public string? LastFillTime { get; init; }
}

internal sealed record CoinbaseOrderResponse(CoinbaseOrder? Order);

internal sealed record CoinbaseOrdersResponse(IReadOnlyList<CoinbaseOrder>? Orders, bool HasNext, string? Cursor);

internal sealed record CoinbaseFill
{
    public string? EntryId { get; init; }
    public string? TradeId { get; init; }
    public string? OrderId { get; init; }
    public string? TradeTime { get; init; }
    public string? TradeType { get; init; }
    public string? Price { get; init; }
    public string? Size { get; init; }
    public string? Commission { get; init; }
    public string? ProductId { get; init; }
    public string? LiquidityIndicator { get; init; }
    public bool SizeInQuote { get; init; }
    public string? Side { get; init; }
}

internal sealed record CoinbaseFillsResponse(IReadOnlyList<CoinbaseFill>? Fills, string? Cursor);

/// <summary>POST /orders body.</summary>
internal sealed record CoinbaseCreateOrderRequest(string ClientOrderId, string ProductId, string Side, IReadOnlyDictionary<string, CoinbaseOrderTerms> OrderConfiguration);

internal sealed record CoinbaseCreateOrderSuccess(string? OrderId, string? ProductId, string? Side, string? ClientOrderId);

internal sealed record CoinbaseCreateOrderError(string? Error, string? Message, string? ErrorDetails, string? PreviewFailureReason, string? NewOrderFailureReason);

internal sealed record CoinbaseCreateOrderResponse(bool Success, CoinbaseCreateOrderSuccess? SuccessResponse, CoinbaseCreateOrderError? ErrorResponse, string? OrderId);

internal sealed record CoinbaseCancelOrdersRequest(IReadOnlyList<string> OrderIds);

internal sealed record CoinbaseCancelResult(bool Success, string? FailureReason, string? OrderId);

internal sealed record CoinbaseCancelOrdersResponse(IReadOnlyList<CoinbaseCancelResult>? Results);

/// <summary>A non-2xx body: <c>{"error","code","message","error_details"}</c>, or the v2 shape <c>{"errors":[{"id","message"}]}</c>.</summary>
internal sealed record CoinbaseErrorResponse(string? Error, JsonElement? Code, string? Message, string? ErrorDetails, IReadOnlyList<CoinbaseErrorItem>? Errors);

internal sealed record CoinbaseErrorItem(string? Id, string? Message);
