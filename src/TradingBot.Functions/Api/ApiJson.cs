using System.Text.Json;
using System.Text.Json.Serialization;
using TradingBot.Core.Messages;

namespace TradingBot.Functions.Api;

/// <summary>
/// The API's JSON: the message contract (camelCase, decimals as strings and never numbers, UTC ISO-8601 times,
/// <c>BTC/USDT</c> symbols, kebab-case enums) with strict reading: an unknown field, a missing required field or a
/// null where a value belongs is a 400 naming the field.
/// </summary>
public static class ApiJson
{
    public static void Configure(JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        options.DictionaryKeyPolicy = null;
        options.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull;
        options.UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow;
        options.RespectNullableAnnotations = true;
        options.RespectRequiredConstructorParameters = true;
        options.NumberHandling = JsonNumberHandling.Strict;
        foreach (var converter in MessageJson.Options.Converters)
        {
            options.Converters.Add(converter);
        }

        // Generated contracts only: no reflection (Native AOT), and a type the API forgot to list fails in tests too.
        options.TypeInfoResolverChain.Clear();
        options.TypeInfoResolverChain.Add(ApiJsonContext.Default);
    }
}
