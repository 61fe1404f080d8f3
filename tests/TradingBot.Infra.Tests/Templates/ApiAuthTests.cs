using TradingBot.Infra.Tests.Arm;
using TradingBot.Infra.Tests.Deployment;
using TradingBot.Infra.Tests.Hooks;

namespace TradingBot.Infra.Tests.Templates;

/// <summary>
/// A fresh deployment's API is usable and closed: by default the app takes its keys from Key Vault (the secrets the
/// postprovision hook creates); with an Entra ID app registration, App Service authentication signs callers in and
/// only /api/health stays open.
/// </summary>
public sealed class ApiAuthTests
{
    private const string EntraClientId = "11111111-2222-3333-4444-555555555555";

    private static ArmDeploymentResult WithEntraId => AzdEnvironment.Deploy(AzdEnvironment.With(("ENTRA_CLIENT_ID", EntraClientId)));

    private static string Reference(string vault, string secret) => $"@Microsoft.KeyVault(VaultName={vault};SecretName={secret})";

    private static IEnumerable<ArmResource> AuthSettings(ArmDeploymentResult deployment) =>
        deployment.OfType("Microsoft.Web/sites/config").Where(r => r.ShortName.Equals("authsettingsV2", StringComparison.OrdinalIgnoreCase));

    [Fact]
    public void Deploy_ByDefault_ApiTakesItsKeysFromKeyVault()
    {
        var deployment = Deployed.Default;
        var settings = deployment.AppSettings();
        var vault = deployment.Vault().Name;

        Assert.Equal("Key", settings["Api__Auth__Mode"]);
        Assert.Equal(Reference(vault, "api-key"), settings["Api__Auth__Key"]);
        Assert.Equal(Reference(vault, "api-viewer-key"), settings["Api__Auth__ViewerKey"]);
        Assert.Empty(AuthSettings(deployment));
    }

    [Fact]
    public void Deploy_KeyReferences_NameExactlyTheSecretsTheHookCreates()
    {
        var settings = Deployed.Default.AppSettings();
        var referenced = new[] { settings["Api__Auth__Key"], settings["Api__Auth__ViewerKey"] }.Select(r => r.Split("SecretName=")[1].TrimEnd(')'));

        Assert.Equal(PostprovisionHookTests.HookSecretNames().Order(), referenced.Order());
    }

    [Fact]
    public void Deploy_WithEntraClientId_SwitchesTheAppToAppServiceMode()
    {
        var settings = WithEntraId.AppSettings();

        Assert.Equal("AppService", settings["Api__Auth__Mode"]);
        Assert.StartsWith("@Microsoft.KeyVault(", settings["Api__Auth__Key"], StringComparison.Ordinal);
    }

    [Fact]
    public void Deploy_WithEntraClientId_RequiresSignInOnEveryPathButHealth()
    {
        var deployment = WithEntraId;
        var auth = Assert.Single(AuthSettings(deployment));
        var validation = auth.Properties["globalValidation"]!;

        Assert.Equal($"{deployment.FunctionApp().Name}/authsettingsV2", auth.Name);
        Assert.True(auth.Properties["platform"]!["enabled"]!.GetValue<bool>(), "without platform.enabled nothing is enforced");
        Assert.True(validation["requireAuthentication"]!.GetValue<bool>());
        Assert.Equal("Return401", validation["unauthenticatedClientAction"].Text());
        Assert.Equal(["/api/health"], validation["excludedPaths"]!.AsArray().Select(p => p.Text()));
        Assert.True(auth.Properties["httpSettings"]!["requireHttps"]!.GetValue<bool>());
    }

    [Fact]
    public void Deploy_WithEntraClientId_TrustsTokensOfThatRegistrationInThisTenantOnly()
    {
        var aad = Assert.Single(AuthSettings(WithEntraId)).Properties["identityProviders"]!["azureActiveDirectory"]!;

        Assert.True(aad["enabled"]!.GetValue<bool>());
        Assert.Equal(EntraClientId, aad["registration"]!["clientId"].Text());
        Assert.Equal($"https://login.microsoftonline.com/{AzdEnvironment.TenantId}/v2.0", aad["registration"]!["openIdIssuer"].Text());
        Assert.Equal([EntraClientId, $"api://{EntraClientId}"], aad["validation"]!["allowedAudiences"]!.AsArray().Select(a => a.Text()));
        Assert.Null(aad["registration"]!["clientSecretSettingName"]);
    }
}
