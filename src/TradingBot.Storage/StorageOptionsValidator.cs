using Microsoft.Extensions.Options;

namespace TradingBot.Storage;

/// <summary>Checks <see cref="StorageOptions"/>' data annotations with generated code (no reflection; Native AOT, issue 6).</summary>
[OptionsValidator]
internal sealed partial class StorageOptionsValidator : IValidateOptions<StorageOptions>;
