using System.Text.Json.Serialization;

namespace TradingBot.Backtesting.Paper;

/// <summary>The generated contract of <see cref="JsonFilePaperAccountStore"/>'s file (its options name the format).</summary>
[JsonSourceGenerationOptions(GenerationMode = JsonSourceGenerationMode.Metadata)]
[JsonSerializable(typeof(JsonFilePaperAccountStore.State))]
internal sealed partial class PaperAccountFileJsonContext : JsonSerializerContext;
