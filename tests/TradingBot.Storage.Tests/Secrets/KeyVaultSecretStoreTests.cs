using Azure.Core.Pipeline;
using Azure.Security.KeyVault.Secrets;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using TradingBot.Storage.Secrets;
using TradingBot.Testing;

namespace TradingBot.Storage.Tests.Secrets;

public sealed class KeyVaultSecretStoreTests : IAsyncLifetime
{
    private readonly FakeTokenCredential _credential = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 1, 10, 12, 0, 0, TimeSpan.Zero));
    private readonly CapturingLogger<KeyVaultSecretStore> _logger = new();
    private FakeKeyVault _vault = null!;
    private bool _vaultStopped;

    public async Task InitializeAsync() => _vault = await FakeKeyVault.StartAsync();

    public async Task DisposeAsync()
    {
        if (!_vaultStopped)
        {
            await _vault.DisposeAsync();
        }
    }

    /// <summary>The SDK client as production builds it, pointed at the fake vault (its certificate trusted, challenge resource not verified).</summary>
    public static SecretClient Client(FakeKeyVault vault, Azure.Core.TokenCredential credential)
    {
        var options = new SecretClientOptions { DisableChallengeResourceVerification = true, Transport = new HttpClientTransport(vault.CreateHandler()) };
        options.Retry.MaxRetries = 0;
        return new SecretClient(vault.VaultUri, credential, options);
    }

    private KeyVaultSecretStore Store() => new(Client(_vault, _credential), _time,
        Options.Create(new KeyVaultOptions { Uri = _vault.VaultUri, RefreshInterval = TimeSpan.FromMinutes(5) }), _logger);

    [Fact]
    public async Task GetAsync_ChallengeFlow_ReadsTheSecretWithAManagedIdentityStyleToken()
    {
        _vault.Set("binance-api-key", "key-123");

        var value = await Store().GetAsync("binance-api-key", default);

        Assert.Equal("key-123", value);
        Assert.Equal(["GET /secrets/binance-api-key auth=no", "GET /secrets/binance-api-key auth=yes"], _vault.Requests);
        Assert.Equal(FakeKeyVault.TenantId, _credential.LastTenantId);
        Assert.Contains("https://vault.azure.net/.default", _credential.LastScopes);
    }

    [Fact]
    public async Task GetAsync_WithinTheRefreshInterval_ServesTheCacheThenPicksUpARotation()
    {
        var store = Store();
        _vault.Set("binance-api-secret", "old");
        await store.GetAsync("binance-api-secret", default);
        _vault.Set("binance-api-secret", "rotated");

        var cached = await store.GetAsync("binance-api-secret", default);
        _time.Advance(TimeSpan.FromMinutes(5));
        var refreshed = await store.GetAsync("binance-api-secret", default);

        Assert.Equal("old", cached);
        Assert.Equal("rotated", refreshed);
    }

    [Fact]
    public async Task GetAsync_MissingSecret_IsNull()
    {
        Assert.Null(await Store().GetAsync("coinbase-api-key", default));
    }

    [Fact]
    public async Task GetAsync_VaultUnreachableAfterCaching_ServesTheLastValueAndNeverLogsIt()
    {
        var store = Store();
        _vault.Set("robinhood-api-secret", "s3cr3t-value-xyz");
        await store.GetAsync("robinhood-api-secret", default);
        await _vault.DisposeAsync();
        _vaultStopped = true;
        _time.Advance(TimeSpan.FromMinutes(6));

        var value = await store.GetAsync("robinhood-api-secret", default);

        Assert.Equal("s3cr3t-value-xyz", value);
        Assert.Contains(_logger.Lines, l => l.Contains("robinhood-api-secret", StringComparison.Ordinal) && l.Contains("cached", StringComparison.Ordinal));
        Assert.DoesNotContain(_logger.Lines, l => l.Contains("s3cr3t-value-xyz", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ConfigurationStore_ReadsSectionThenEnvironmentStyleNames()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Secrets:binance-api-key"] = "from-section",
            ["COINBASE_API_SECRET"] = "from-environment",
        }).Build();
        var store = new ConfigurationSecretStore(configuration);

        Assert.Equal("from-section", await store.GetAsync(SecretNames.ApiKey("binance"), default));
        Assert.Equal("from-environment", await store.GetAsync(SecretNames.ApiSecret("coinbase"), default));
        Assert.Null(await store.GetAsync(SecretNames.ApiKey("robinhood"), default));
    }

    [Theory]
    [InlineData("binance", "binance-api-key", "binance-api-secret")]
    [InlineData("robinhood", "robinhood-api-key", "robinhood-api-secret")]
    public void SecretNames_AreValidKeyVaultNames(string venue, string key, string secret)
    {
        Assert.Equal(key, SecretNames.ApiKey(venue));
        Assert.Equal(secret, SecretNames.ApiSecret(venue));
        Assert.True(SecretNames.IsValid(key) && SecretNames.IsValid(secret));
        Assert.Throws<ArgumentException>(() => SecretNames.ApiKey("Bad Venue"));
    }
}
