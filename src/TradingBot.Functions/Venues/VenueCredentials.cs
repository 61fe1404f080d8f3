using Microsoft.Extensions.Options;
using TradingBot.Exchanges.Http;
using TradingBot.Storage.Secrets;

namespace TradingBot.Functions.Venues;

/// <summary>
/// Gives a venue adapter its API key and secret from the secret store (Key Vault in Azure, configuration locally)
/// under the documented names (<c>binance-api-key</c>, <c>binance-api-secret</c>...), unless configuration already set
/// them. Runs when the adapter is first created (during an invocation, never at startup), never logs a value.
/// </summary>
public sealed class VenueCredentials<TOptions>(string venue, ISecretStore secrets) : IPostConfigureOptions<TOptions>
    where TOptions : VenueOptions
{
    public void PostConfigure(string? name, TOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (string.IsNullOrWhiteSpace(options.ApiKey))
        {
            options.ApiKey = Read(SecretNames.ApiKey(venue));
        }

        if (string.IsNullOrWhiteSpace(options.ApiSecret))
        {
            options.ApiSecret = Read(SecretNames.ApiSecret(venue));
        }
    }

    // Options are built synchronously; this runs once per adapter, on first use.
    private string? Read(string name) => secrets.GetAsync(name, CancellationToken.None).GetAwaiter().GetResult();
}
