using Microsoft.Extensions.Logging;

namespace TradingBot.Storage;

/// <summary>Storage log events. Secret <b>names</b> only, never values.</summary>
internal static partial class Log
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Secret {SecretName} refreshed from Key Vault (version {Version})")]
    public static partial void SecretRefreshed(this ILogger logger, string secretName, string? version);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Secret {SecretName} does not exist in Key Vault")]
    public static partial void SecretMissing(this ILogger logger, string secretName);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refreshing secret {SecretName} failed (HTTP {Status}); serving the cached value")]
    public static partial void SecretRefreshFailed(this ILogger logger, string secretName, int status);
}
