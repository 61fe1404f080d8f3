using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using TradingBot.Storage.Secrets;

namespace TradingBot.Storage.Tests;

/// <summary><see cref="StorageServiceCollectionExtensions"/>: settings bound and checked by generated code (Native AOT, issue 6).</summary>
public sealed class StorageRegistrationTests
{
    [Fact]
    public void Options_FromConfiguration_AreBound()
    {
        using var services = Services(("Storage:TablePrefix", "bot7"), ("KeyVault:RefreshInterval", "00:01:00"), ("KeyVault:ClientId", "id-1"));

        var storage = services.GetRequiredService<IOptions<StorageOptions>>().Value;
        var vault = services.GetRequiredService<IOptions<KeyVaultOptions>>().Value;

        Assert.Equal("bot7", storage.TablePrefix);
        Assert.Equal((TimeSpan.FromMinutes(1), "id-1", (Uri?)null), (vault.RefreshInterval, vault.ClientId, vault.Uri));
    }

    [Theory]
    [InlineData("7bot")]
    [InlineData("bot-7")]
    public void TablePrefix_NotLettersAndDigits_FailsNamingTheSetting(string prefix)
    {
        using var services = Services(("Storage:TablePrefix", prefix));

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<StorageOptions>>().Value);

        Assert.Contains("Storage:TablePrefix must be letters and digits, starting with a letter.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TablePrefix_Empty_IsValid()
    {
        using var services = Services();

        Assert.Equal("", services.GetRequiredService<IOptions<StorageOptions>>().Value.TablePrefix);
    }

    private static ServiceProvider Services(params (string Key, string Value)[] settings)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value)))
            .Build();
        return new ServiceCollection().AddSingleton<IConfiguration>(configuration).AddTradingBotStorage(configuration).BuildServiceProvider();
    }
}
