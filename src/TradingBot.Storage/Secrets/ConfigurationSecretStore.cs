using Microsoft.Extensions.Configuration;

namespace TradingBot.Storage.Secrets;

/// <summary>
/// Local secret store: <c>Secrets:&lt;name&gt;</c> (e.g. <c>Secrets__binance-api-key</c> in local.settings.json), else the
/// environment-style setting <c>BINANCE_API_KEY</c> (which is also where an App Service Key Vault reference lands).
/// </summary>
public sealed class ConfigurationSecretStore(IConfiguration configuration) : ISecretStore
{
    public Task<string?> GetAsync(string name, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        var value = configuration["Secrets:" + name] ?? configuration[SecretNames.EnvironmentName(name)];
        return Task.FromResult(string.IsNullOrEmpty(value) ? null : value);
    }
}
