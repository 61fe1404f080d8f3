using System.Text.RegularExpressions;
using TradingBot.Infra.Tests.Arm;
using TradingBot.Infra.Tests.Bicep;
using TradingBot.Infra.Tests.Deployment;

namespace TradingBot.Infra.Tests.Templates;

/// <summary>No key, SAS or connection string anywhere: services accept Entra ID only, and nothing reads a key.</summary>
public sealed partial class SecretHygieneTests
{
    private static readonly string[] SecretMarkers =
    [
        "AccountKey=", "SharedAccessKey", "SharedAccessSignature", "DefaultEndpointsProtocol=", "Endpoint=sb://", "Password=",
        "InstrumentationKey=", "listKeys(", "listSecrets(", "listConnectionStrings(",
    ];

    /// <summary>Every deployment variant the parameters allow that changes what is granted or set.</summary>
    public static TheoryData<string, string> Variants => new()
    {
        { "BINANCE_MODE", "Paper" },
        { "ROBINHOOD_MODE", "Live" },
        { "COINBASE_KEYS_IN_VAULT", "true" },
        { "STATIC_OUTBOUND_IP_ENABLED", "true" },
        { "ENTRA_CLIENT_ID", "11111111-2222-3333-4444-555555555555" },
    };

    [Fact]
    public void CompiledTemplate_CallsNoListFunction()
    {
        var calls = ListCall().Matches(CompiledTemplate.Text).Select(m => m.Value).Distinct().ToList();

        Assert.True(calls.Count == 0, "the template reads keys: " + string.Join(", ", calls));
    }

    [Theory]
    [MemberData(nameof(Variants))]
    public void Deploy_AppSettings_HoldNoKeyOrConnectionString(string variable, string value)
    {
        var settings = AzdEnvironment.Deploy(AzdEnvironment.With((variable, value))).AppSettings();

        foreach (var (name, setting) in settings)
        {
            Assert.DoesNotContain(SecretMarkers, m => setting.Contains(m, StringComparison.OrdinalIgnoreCase));
            var isConnectionString = name.EndsWith("ConnectionString", StringComparison.OrdinalIgnoreCase) || name.EndsWith("CONNECTION_STRING", StringComparison.Ordinal);
            // The one exception: Application Insights' connection string names the ingestion endpoint; with local auth
            // disabled on the component it cannot ingest without an Entra ID token (see the monitoring test).
            Assert.True(!isConnectionString || name == "APPLICATIONINSIGHTS_CONNECTION_STRING", $"{name} is a connection string");
        }
    }

    [Theory]
    [MemberData(nameof(Variants))]
    public void Deploy_Outputs_HoldNoSecret(string variable, string value)
    {
        var outputs = AzdEnvironment.Deploy(AzdEnvironment.With((variable, value))).Outputs;

        Assert.All(outputs, o =>
        {
            var text = o.Value!["value"]!.ToJsonString();
            Assert.DoesNotContain(SecretMarkers, m => text.Contains(m, StringComparison.OrdinalIgnoreCase));
            Assert.DoesNotContain("ConnectionString", text, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("SECRET", o.Key, StringComparison.OrdinalIgnoreCase);
        });
    }

    [Fact]
    public void Deploy_StorageAccounts_AcceptOnlyEntraIdOverTls12()
    {
        var accounts = Deployed.Default.OfType("Microsoft.Storage/storageAccounts").ToList();

        Assert.Equal(2, accounts.Count);
        Assert.All(accounts, a =>
        {
            Assert.False(a.Properties["allowSharedKeyAccess"]!.GetValue<bool>(), $"{a.Name}: shared keys enabled");
            Assert.False(a.Properties["allowBlobPublicAccess"]!.GetValue<bool>(), $"{a.Name}: public blobs");
            Assert.True(a.Properties["defaultToOAuthAuthentication"]!.GetValue<bool>());
            Assert.True(a.Properties["supportsHttpsTrafficOnly"]!.GetValue<bool>());
            Assert.Equal("TLS1_2", a.Properties["minimumTlsVersion"].Text());
        });
    }

    [Fact]
    public void Deploy_KeyVault_IsRbacWithSoftDeleteAndPurgeProtection()
    {
        var vault = Deployed.Default.Vault().Properties;

        Assert.True(vault["enableRbacAuthorization"]!.GetValue<bool>(), "access policies would bypass RBAC");
        Assert.True(vault["enableSoftDelete"]!.GetValue<bool>());
        Assert.True(vault["enablePurgeProtection"]!.GetValue<bool>());
        Assert.True(vault["softDeleteRetentionInDays"]!.GetValue<int>() >= 7);
        Assert.Equal("default", vault["createMode"].Text());
        Assert.Equal(AzdEnvironment.TenantId, vault["tenantId"].Text());
        Assert.Equal("recover", AzdEnvironment.Deploy(AzdEnvironment.With(("KEY_VAULT_CREATE_MODE", "recover"))).Vault().Properties["createMode"].Text());
    }

    [Fact]
    public void Deploy_Monitoring_AcceptsOnlyEntraId()
    {
        var component = Deployed.Default.Single("Microsoft.Insights/components").Properties;
        var workspace = Deployed.Default.Single("Microsoft.OperationalInsights/workspaces");

        Assert.True(component["DisableLocalAuth"]!.GetValue<bool>(), "the instrumentation key alone could send telemetry");
        Assert.Equal(workspace.Id, component["WorkspaceResourceId"].Text());
        Assert.True(workspace.Properties["features"]!["disableLocalAuth"]!.GetValue<bool>());
    }

    [Fact]
    public void Deploy_NoResource_CarriesASecretValue()
    {
        var deployment = AzdEnvironment.Deploy(AzdEnvironment.With(("BINANCE_MODE", "Live"), ("COINBASE_KEYS_IN_VAULT", "true"), ("STATIC_OUTBOUND_IP_ENABLED", "true")));

        Assert.DoesNotContain(deployment.Resources, r => r.Is("Microsoft.KeyVault/vaults/secrets"));
        Assert.All(deployment.Resources, r => Assert.DoesNotContain(SecretMarkers, m => r.Body.ToJsonString().Contains(m, StringComparison.OrdinalIgnoreCase)));
    }

    [GeneratedRegex(@"\blist[A-Za-z]*\(")]
    private static partial Regex ListCall();
}
