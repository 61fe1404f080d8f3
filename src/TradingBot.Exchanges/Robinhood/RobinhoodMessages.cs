// Wire shapes of the Robinhood Crypto Trading API (exchanges.md §3). Field names are snake_case; the documented
// schemas show some numbers as JSON numbers and others as strings, so every decimal accepts both. Only the fields
// the adapter reads are declared. Optional fields have defaults; a field without one is required (see RobinhoodJson).

using System.Text.Json;
using System.Text.Json.Serialization;

namespace TradingBot.Exchanges.Robinhood;

/// <summary>
/// JSON settings for every Robinhood payload. A field the records require (a <c>required</c> member, a constructor
/// parameter, a non-nullable reference) that is missing or null fails the read naming it (a
/// <see cref="TradingBot.Core.Exchange.BadResponse"/>), instead of an empty id or symbol that fails later or,
/// worse, is stored. Only the contracts of <see cref="RobinhoodJsonContext"/> are known (no reflection).
/// </summary>
internal static class RobinhoodJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        NumberHandling = JsonNumberHandling.AllowReadingFromString,
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
        TypeInfoResolver = RobinhoodJsonContext.Default,
    };
}

/// <summary>
/// The generated contracts of the Robinhood payloads read or written with <see cref="RobinhoodJson.Options"/>, each
/// paginated list closed over the item type it pages.
/// </summary>
[JsonSourceGenerationOptions(GenerationMode = JsonSourceGenerationMode.Metadata)]
[JsonSerializable(typeof(RobinhoodPage<RobinhoodTradingPair>))]
[JsonSerializable(typeof(RobinhoodPage<RobinhoodQuote>))]
[JsonSerializable(typeof(RobinhoodPage<RobinhoodHolding>))]
[JsonSerializable(typeof(RobinhoodPage<RobinhoodOrder>))]
[JsonSerializable(typeof(RobinhoodAccount))]
[JsonSerializable(typeof(RobinhoodOrder))]
[JsonSerializable(typeof(RobinhoodCreateOrderRequest))]
[JsonSerializable(typeof(RobinhoodErrorResponse))]
internal sealed partial class RobinhoodJsonContext : JsonSerializerContext;

/// <summary>The paginated list shape: <c>{next, previous, results}</c>; <c>next</c> is a full URL with a cursor.</summary>
internal sealed record RobinhoodPage<T>(string? Next = null, string? Previous = null, IReadOnlyList<T>? Results = null);

internal sealed record RobinhoodAccount(string? AccountNumber = null, string? Status = null, decimal? BuyingPower = null, string? BuyingPowerCurrency = null);

internal sealed record RobinhoodTradingPair
{
    public string? AssetCode { get; init; }
    public string? QuoteCode { get; init; }
    public decimal? QuoteIncrement { get; init; }
    public decimal? AssetIncrement { get; init; }
    public decimal? MaxOrderSize { get; init; }
    public decimal? MinOrderSize { get; init; }
    public string? Status { get; init; }
    public required string Symbol { get; init; }
}

internal sealed record RobinhoodQuote
{
    public required string Symbol { get; init; }
    public string? Side { get; init; }
    public decimal? Price { get; init; }
    public decimal? Quantity { get; init; }
    public decimal? BidInclusiveOfSellSpread { get; init; }
    public decimal? SellSpread { get; init; }
    public decimal? AskInclusiveOfBuySpread { get; init; }
    public decimal? BuySpread { get; init; }
    public string? Timestamp { get; init; }
}

internal sealed record RobinhoodHolding(string AssetCode, string? AccountNumber = null, decimal? TotalQuantity = null, decimal? QuantityAvailableForTrading = null);

internal sealed record RobinhoodExecution(decimal? EffectivePrice = null, decimal? Quantity = null, string? Timestamp = null);

/// <summary>Any of the four <c>*_order_config</c> objects.</summary>
internal sealed record RobinhoodOrderConfig
{
    public decimal? AssetQuantity { get; init; }
    public decimal? QuoteAmount { get; init; }
    public decimal? LimitPrice { get; init; }
    public decimal? StopPrice { get; init; }
    public string? TimeInForce { get; init; }
}

internal sealed record RobinhoodOrder
{
    public required string Id { get; init; }
    public string? AccountNumber { get; init; }
    public required string Symbol { get; init; }
    public string? ClientOrderId { get; init; }
    public string? Side { get; init; }
    public IReadOnlyList<RobinhoodExecution>? Executions { get; init; }
    public string? Type { get; init; }
    public string? State { get; init; }
    public decimal? AveragePrice { get; init; }
    public decimal? FilledAssetQuantity { get; init; }
    public string? CreatedAt { get; init; }
    public string? UpdatedAt { get; init; }
    public RobinhoodOrderConfig? MarketOrderConfig { get; init; }
    public RobinhoodOrderConfig? LimitOrderConfig { get; init; }
    public RobinhoodOrderConfig? StopLossOrderConfig { get; init; }
    public RobinhoodOrderConfig? StopLimitOrderConfig { get; init; }
}

/// <summary>POST /orders/ body. Numbers are written as decimal strings, quantised before.</summary>
internal sealed record RobinhoodCreateOrderRequest
{
    public required string ClientOrderId { get; init; }
    public required string Side { get; init; }
    public required string Type { get; init; }
    public required string Symbol { get; init; }
    public RobinhoodOrderConfigRequest? MarketOrderConfig { get; init; }
    public RobinhoodOrderConfigRequest? LimitOrderConfig { get; init; }
}

internal sealed record RobinhoodOrderConfigRequest
{
    public string? AssetQuantity { get; init; }
    public string? QuoteAmount { get; init; }
    public string? LimitPrice { get; init; }
    public string? TimeInForce { get; init; }
}

/// <summary>An error body: <c>{"type":"validation_error"|"client_error"|"server_error","errors":[{"attr","detail"}]}</c>.</summary>
internal sealed record RobinhoodErrorResponse(string? Type = null, IReadOnlyList<RobinhoodErrorItem>? Errors = null, JsonElement? Detail = null);

internal sealed record RobinhoodErrorItem(string? Attr = null, JsonElement? Detail = null);
