using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using TradingBot.Core.Exchange;
using TradingBot.Core.Execution;
using TradingBot.Core.Risk;
using TradingBot.Core.Strategies;

namespace TradingBot.Core.Json;

/// <summary>
/// JSON without reflection (the handler is published as a Native AOT executable, issue 6): every serializer option in
/// the app names the source-generated contracts it may use, and a type missing from them fails the same way in tests
/// as in the deployed build ("JsonTypeInfo metadata for type … was not provided").
/// </summary>
public static class JsonContracts
{
    /// <summary>The generated contract of <typeparamref name="T"/> in <paramref name="options"/>.</summary>
    public static JsonTypeInfo<T> Of<T>(JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return (JsonTypeInfo<T>)options.GetTypeInfo(typeof(T));
    }

    /// <summary>
    /// String converters, named by <paramref name="policy"/>, for every enum of the domain (the generic converter per
    /// enum: the non-generic factory builds its converters with run-time code generation).
    /// </summary>
    public static IEnumerable<JsonConverter> DomainEnums(JsonNamingPolicy policy, bool allowIntegerValues = false) =>
    [
        Enum<OrderState>(policy, allowIntegerValues),
        Enum<TradingMode>(policy, allowIntegerValues),
        Enum<RiskOrderPurpose>(policy, allowIntegerValues),
        Enum<HaltReset>(policy, allowIntegerValues),
        Enum<RiskReason>(policy, allowIntegerValues),
        Enum<SizingMode>(policy, allowIntegerValues),
        Enum<ProtectiveExit>(policy, allowIntegerValues),
        Enum<OrderType>(policy, allowIntegerValues),
        Enum<Capability>(policy, allowIntegerValues),
        Enum<OrderSide>(policy, allowIntegerValues),
        Enum<OrderStatus>(policy, allowIntegerValues),
        Enum<TargetPosition>(policy, allowIntegerValues),
    ];

    /// <summary>A string converter for one enum, named by <paramref name="policy"/>.</summary>
    public static JsonConverter Enum<TEnum>(JsonNamingPolicy policy, bool allowIntegerValues = false)
        where TEnum : struct, Enum => new JsonStringEnumConverter<TEnum>(policy, allowIntegerValues);
}
