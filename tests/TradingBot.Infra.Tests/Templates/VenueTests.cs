using TradingBot.Infra.Tests.Deployment;
using TradingBot.Storage.Secrets;

namespace TradingBot.Infra.Tests.Templates;

/// <summary>Every venue trades on paper unless its parameter says Live; keys come from Key Vault, under the names `tradingbot secrets set` writes.</summary>
public sealed class VenueTests
{
    private static string Reference(string vault, string secret) => $"@Microsoft.KeyVault(VaultName={vault};SecretName={secret})";

    private static string Upper(string venue) => venue.ToUpperInvariant();

    [Fact]
    public void Deploy_ByDefault_EveryVenueTradesOnPaperWithoutKeys()
    {
        var settings = Deployed.Default.AppSettings();

        Assert.All(SecretNames.Venues, venue => Assert.Equal("Paper", settings[$"Trading__Venues__{venue}__Mode"]));
        Assert.DoesNotContain(settings.Keys, k => k.StartsWith("Venues__", StringComparison.OrdinalIgnoreCase));
    }

    [Theory]
    [MemberData(nameof(AllVenues))]
    public void Deploy_VenueSetToLive_TradesLiveWithItsKeysFromKeyVault(string venue)
    {
        var deployment = AzdEnvironment.Deploy(AzdEnvironment.With(($"{Upper(venue)}_MODE", "Live")));
        var settings = deployment.AppSettings();
        var vault = deployment.Vault().Name;

        Assert.Equal("Live", settings[$"Trading__Venues__{venue}__Mode"]);
        Assert.Equal(Reference(vault, SecretNames.ApiKey(venue)), settings[$"Venues__{venue}__ApiKey"]);
        Assert.Equal(Reference(vault, SecretNames.ApiSecret(venue)), settings[$"Venues__{venue}__ApiSecret"]);
        Assert.All(SecretNames.Venues.Where(v => v != venue), other =>
        {
            Assert.Equal("Paper", settings[$"Trading__Venues__{other}__Mode"]);
            Assert.False(settings.ContainsKey($"Venues__{other}__ApiKey"), $"{other} has no keys in the vault");
        });
    }

    [Theory]
    [MemberData(nameof(AllVenues))]
    public void Deploy_KeysInVaultOnPaper_ReferencesTheKeysButStaysOnPaper(string venue)
    {
        var deployment = AzdEnvironment.Deploy(AzdEnvironment.With(($"{Upper(venue)}_KEYS_IN_VAULT", "true")));
        var settings = deployment.AppSettings();

        Assert.Equal("Paper", settings[$"Trading__Venues__{venue}__Mode"]);
        Assert.Equal(Reference(deployment.Vault().Name, SecretNames.ApiKey(venue)), settings[$"Venues__{venue}__ApiKey"]);
        Assert.Equal(Reference(deployment.Vault().Name, SecretNames.ApiSecret(venue)), settings[$"Venues__{venue}__ApiSecret"]);
    }

    [Fact]
    public void Deploy_KeyVaultReferences_ResolveWithTheAppIdentityAndValidSecretNames()
    {
        var deployment = AzdEnvironment.Deploy(AzdEnvironment.With(("BINANCE_MODE", "Live"), ("COINBASE_MODE", "Live"), ("ROBINHOOD_MODE", "Live")));
        var references = deployment.AppSettings()
            .Where(s => s.Key.StartsWith("Venues__", StringComparison.Ordinal) && s.Value.StartsWith("@Microsoft.KeyVault(", StringComparison.Ordinal)).ToList();

        Assert.Equal(2 * SecretNames.Venues.Count, references.Count);
        Assert.All(references, r => Assert.True(SecretNames.IsValid(r.Value.Split("SecretName=")[1].TrimEnd(')')), r.Value));
        Assert.Equal(deployment.Identity().Id, deployment.FunctionApp().Properties["keyVaultReferenceIdentity"].Text());
    }

    [Theory]
    [InlineData("BINANCE_MODE", "Real")]
    [InlineData("COINBASE_MODE", "")]
    public void Deploy_UnknownTradingMode_IsRejected(string variable, string value)
    {
        var error = Assert.Throws<Arm.ArmTemplateException>(() => AzdEnvironment.Deploy(AzdEnvironment.With((variable, value))));

        Assert.Contains("not one of", error.Message, StringComparison.Ordinal);
    }

    public static TheoryData<string> AllVenues => [.. SecretNames.Venues];
}
