using System.Text.Json.Serialization;

namespace TradingBot.Storage.Tables;

/// <summary>
/// The generated contracts of columns written with the serializer's defaults (no naming policy, numbers as JSON
/// numbers, default escaping): strategy parameters and a position's other fees. Its options are the defaults, so
/// the stored text is what the reflection-based serializer wrote.
/// </summary>
[JsonSourceGenerationOptions(GenerationMode = JsonSourceGenerationMode.Metadata)]
[JsonSerializable(typeof(Dictionary<string, double>))]
[JsonSerializable(typeof(IReadOnlyDictionary<string, double>))]
[JsonSerializable(typeof(Dictionary<string, string>))]
internal sealed partial class PlainJsonContext : JsonSerializerContext;
