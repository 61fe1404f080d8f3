using System.Text.Json.Serialization;
using TradingBot.Core.Exchange;
using TradingBot.Storage.Risk;

namespace TradingBot.Storage.Tables;

/// <summary>The generated contracts of every record <see cref="StorageJson"/> reads or writes (its options name the format).</summary>
[JsonSourceGenerationOptions(GenerationMode = JsonSourceGenerationMode.Metadata)]
[JsonSerializable(typeof(RiskStateStore.BookDocument))]
[JsonSerializable(typeof(Dictionary<string, CurrencyBalance>))]
[JsonSerializable(typeof(IReadOnlyDictionary<string, CurrencyBalance>))]
[JsonSerializable(typeof(Order))]
[JsonSerializable(typeof(Trade))]
internal sealed partial class StorageJsonContext : JsonSerializerContext;
