using System.Collections.Concurrent;
using Azure;
using Azure.Security.KeyVault.Secrets;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace TradingBot.Storage.Secrets;

/// <summary>
/// Secrets from Key Vault (<see cref="SecretClient"/> with managed identity), cached for
/// <see cref="KeyVaultOptions.RefreshInterval"/> so rotated keys are picked up without a redeploy. If a refresh
/// fails and an earlier value is cached, the earlier value keeps serving (logged, by name only) until Key Vault answers.
/// </summary>
public sealed class KeyVaultSecretStore(SecretClient client, TimeProvider time, IOptions<KeyVaultOptions> options, ILogger<KeyVaultSecretStore> logger)
    : ISecretStore
{
    private readonly ConcurrentDictionary<string, CachedSecret> _cache = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _refreshing = new(StringComparer.Ordinal);

    public async Task<string?> GetAsync(string name, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        if (Fresh(name) is { } fresh)
        {
            return fresh.Value;
        }

        var gate = _refreshing.GetOrAdd(name, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(ct);
        try
        {
            if (Fresh(name) is { } refreshed)
            {
                return refreshed.Value;
            }

            try
            {
                var secret = await client.GetSecretAsync(name, cancellationToken: ct);
                _cache[name] = new CachedSecret(secret.Value.Value, time.GetUtcNow());
                logger.SecretRefreshed(name, secret.Value.Properties.Version);
                return secret.Value.Value;
            }
            catch (RequestFailedException ex) when (ex.Status == 404)
            {
                _cache[name] = new CachedSecret(null, time.GetUtcNow());
                logger.SecretMissing(name);
                return null;
            }
            catch (RequestFailedException ex) when (_cache.TryGetValue(name, out var stale))
            {
                logger.SecretRefreshFailed(name, ex.Status);
                return stale.Value;
            }
        }
        finally
        {
            gate.Release();
        }
    }

    private CachedSecret? Fresh(string name) =>
        _cache.TryGetValue(name, out var cached) && time.GetUtcNow() - cached.FetchedAt < options.Value.RefreshInterval ? cached : null;

    private sealed record CachedSecret(string? Value, DateTimeOffset FetchedAt);
}
