using System.Text.Json.Nodes;
using TradingBot.Infra.Tests.App;
using TradingBot.Infra.Tests.Deployment;
using TradingBot.Testing;

namespace TradingBot.Infra.Tests.Templates;

/// <summary>The function app gets every setting its functions and code read, identity-based, and nothing Flex rejects.</summary>
public sealed class AppSettingsTests
{
    /// <summary>Settings infra/app/functions.bicep sets (documented in local.settings.example.json).</summary>
    private static readonly string[] SetByDeployment =
    [
        "ServiceBusConnection__fullyQualifiedNamespace", "ServiceBusConnection__credential", "ServiceBusConnection__clientId",
        "TableConnection__tableServiceUri", "TableConnection__clientId",
        "Trading__Venues__binance__Mode", "Trading__Venues__coinbase__Mode", "Trading__Venues__robinhood__Mode",
        "KeyVault__Uri", "KeyVault__ClientId", "AZURE_CLIENT_ID",
        "Pipeline__MaxDeliveryCount",
        "APPLICATIONINSIGHTS_CONNECTION_STRING", "APPLICATIONINSIGHTS_AUTHENTICATION_STRING",
        "Api__Auth__Mode", "Api__Auth__Key", "Api__Auth__ViewerKey",
    ];

    /// <summary>Settings the deployment takes from infra/app-settings.json (the operator's tunables).</summary>
    private static readonly string[] SetFromTunables = ["IngestMarketDataSchedule", "ReconcileOrdersSchedule"];

    /// <summary>Connection-string settings that Azure replaces with their identity-based form (prefix__...).</summary>
    private static readonly Dictionary<string, string> ReplacedByIdentity = new(StringComparer.Ordinal)
    {
        ["AzureWebJobsStorage"] = "AzureWebJobsStorage__blobServiceUri",
        ["ServiceBusConnection"] = "ServiceBusConnection__fullyQualifiedNamespace",
        ["TableConnection"] = "TableConnection__tableServiceUri",
    };

    /// <summary>Tunables left at the app's defaults (override them in infra/app-settings.json).</summary>
    private static readonly string[] LeftToAppDefault =
    [
        "Storage__TablePrefix", "KeyVault__RefreshInterval", "Venues__Paper__Seed",
        "Pipeline__ClaimGrace", "Pipeline__NotFoundGrace", "Pipeline__MaxResubmitAge", "Pipeline__MaxSubmitAttempts", "Pipeline__RepublishGrace",
        "Pipeline__StrategyHistoryBars", "Pipeline__BackfillBars", "Pipeline__QuoteSampleRetention", "Pipeline__ConfigCacheLifetime",
        "Pipeline__CandleCacheLifetime", "Pipeline__RiskStateCacheLifetime", "Pipeline__PaperAccountCacheLifetime",
        "Risk__DailyLossLimit", "Risk__MaxDrawdown", "Risk__KillSwitchLoss", "Risk__FlattenOnKillSwitch", "Risk__MaxTotalExposure",
        "Risk__MaxOpenPositions", "Risk__MaxCandleAge", "Risk__Strategy__Sizing", "Risk__Strategy__EquityFraction", "Risk__Strategy__StopLossPercent",
        "Api__MutationsPerMinute", "Api__BalanceCacheDuration", "Api__EventsMaxDuration", "Api__EventsHeartbeat", "Api__MaxBacktestBars",
        "Api__MaxUploadBytes", "Notifications__Timeout", "Notifications__QueueLimit",
    ];

    /// <summary>
    /// Local-only settings, never set in Azure: local secrets (in Azure the venue keys are Key Vault references,
    /// Venues__&lt;venue&gt;__ApiKey/ApiSecret), the DevHost's key and its simulated demo clock.
    /// </summary>
    private static bool IsLocalOnly(string setting) =>
        setting.StartsWith("Secrets__", StringComparison.Ordinal) || setting.StartsWith("DevHost__", StringComparison.Ordinal)
        || setting.StartsWith("SimulatedClock__", StringComparison.Ordinal);

    private static IReadOnlyDictionary<string, string> Settings => Deployed.Default.AppSettings();

    [Fact]
    public void DocumentedSettings_EachHasADeploymentDecision()
    {
        var undecided = FunctionApp.DocumentedSettings
            .Where(s => !SetByDeployment.Contains(s) && !SetFromTunables.Contains(s) && !ReplacedByIdentity.ContainsKey(s) && !LeftToAppDefault.Contains(s) && !IsLocalOnly(s))
            .ToList();

        Assert.True(undecided.Count == 0,
            "local.settings.example.json documents settings the deployment has no decision for (set them in infra/app/functions.bicep, or list them here): "
            + string.Join(", ", undecided));
    }

    [Fact]
    public void Deploy_EverySettingTheDeploymentOwns_IsSet()
    {
        var missing = SetByDeployment.Concat(SetFromTunables).Concat(ReplacedByIdentity.Values).Where(s => !Settings.TryGetValue(s, out var v) || v.Length == 0).ToList();

        Assert.True(missing.Count == 0, "not set: " + string.Join(", ", missing));
    }

    [Fact]
    public void Deploy_ConnectionStringsAndLocalSecrets_AreNeverSet()
    {
        var present = FunctionApp.DocumentedSettings.Where(s => ReplacedByIdentity.ContainsKey(s) || IsLocalOnly(s)).Where(Settings.ContainsKey).ToList();

        Assert.True(present.Count == 0, "set in Azure, but local only or a connection string: " + string.Join(", ", present));
    }

    [Fact]
    public void Deploy_EveryConnectionTheFunctionsName_IsIdentityBasedWithTheAppIdentity()
    {
        var identity = Deployed.Default.Identity();
        var connections = FunctionApp.Bindings.Select(b => b.Connection).OfType<string>().Append("AzureWebJobsStorage").Distinct().ToList();

        Assert.Contains("ServiceBusConnection", connections);
        foreach (var connection in connections)
        {
            Assert.False(Settings.ContainsKey(connection), $"{connection} would be read as a connection string");
            Assert.Equal("managedidentity", Settings[$"{connection}__credential"]);
            Assert.True(Settings[$"{connection}__clientId"].IsPropertyOf(identity, ".clientId"), $"{connection}__clientId = {Settings[$"{connection}__clientId"]}");
        }
    }

    [Fact]
    public void Deploy_ServiceBusConnection_NamesTheDeployedNamespace()
    {
        var ns = Deployed.Default.Namespace();

        Assert.True(Arm.ArmRuntimeValue.References(Settings["ServiceBusConnection__fullyQualifiedNamespace"], ns.Id),
            Settings["ServiceBusConnection__fullyQualifiedNamespace"]);
    }

    [Fact]
    public void Deploy_StorageConnections_PointAtHostBlobAndDataTables()
    {
        var deployment = Deployed.Default;

        Assert.True(Settings["AzureWebJobsStorage__blobServiceUri"].IsPropertyOf(deployment.HostStorage(), ".primaryEndpoints.blob"));
        Assert.True(Settings["TableConnection__tableServiceUri"].IsPropertyOf(deployment.DataStorage(), ".primaryEndpoints.table"));
        Assert.True(Settings["TableConnection__clientId"].IsPropertyOf(deployment.Identity(), ".clientId"));
    }

    [Fact]
    public void Deploy_EveryPercentSettingInFunctionJson_IsSet()
    {
        var settings = FunctionApp.PercentSettings.ToList();

        Assert.NotEmpty(settings);
        Assert.All(settings, s => Assert.True(Settings.TryGetValue(s, out var v) && v.Length > 0, $"%{s}% is not set: the host cannot index that function"));
    }

    [Fact]
    public void Deploy_KeyVaultAndTelemetry_UseTheAppIdentity()
    {
        var deployment = Deployed.Default;
        var clientId = Settings["AZURE_CLIENT_ID"];

        Assert.True(clientId.IsPropertyOf(deployment.Identity(), ".clientId"));
        Assert.True(Settings["KeyVault__Uri"].IsPropertyOf(deployment.Vault(), ".vaultUri"));
        Assert.Equal(clientId, Settings["KeyVault__ClientId"]);
        Assert.Equal($"ClientId={clientId};Authorization=AAD", Settings["APPLICATIONINSIGHTS_AUTHENTICATION_STRING"]);
        Assert.True(Settings["APPLICATIONINSIGHTS_CONNECTION_STRING"].IsPropertyOf(deployment.Single("Microsoft.Insights/components"), ".ConnectionString"));
    }

    [Fact]
    public void Deploy_SettingsFlexConsumptionRejectsOrIgnores_AreAbsent()
    {
        string[] legacy =
        [
            "FUNCTIONS_WORKER_RUNTIME", "FUNCTIONS_EXTENSION_VERSION", "WEBSITE_RUN_FROM_PACKAGE", "WEBSITE_CONTENTAZUREFILECONNECTIONSTRING",
            "WEBSITE_CONTENTSHARE", "SCM_DO_BUILD_DURING_DEPLOYMENT", "ENABLE_ORYX_BUILD", "WEBSITE_TIME_ZONE", "TZ", "WEBSITE_NODE_DEFAULT_VERSION",
        ];

        Assert.All(legacy, s => Assert.False(Settings.ContainsKey(s), $"{s} is not allowed on Flex Consumption"));
    }

    [Fact]
    public void AppSettingsFile_HoldsOnlyStringTunablesTheDeploymentDoesNotOwn()
    {
        // A setting infra/app/functions.bicep sets wins over this file, so listing it here would be silently ignored.
        var tunables = JsonNode.Parse(File.ReadAllText(Path.Combine(RepositoryPaths.Root, "infra", "app-settings.json")))!["settings"]!.AsObject();
        string[] credentialWords = ["apikey", "apisecret", "secret", "password", "connectionstring", "accountkey", "_api_"];

        Assert.All(tunables, t =>
        {
            Assert.True(t.Value is JsonValue v && v.TryGetValue<string>(out _), $"{t.Key}: app settings are strings");
            Assert.False(SetByDeployment.Contains(t.Key) || ReplacedByIdentity.ContainsKey(t.Key) || t.Key.Contains("__credential", StringComparison.Ordinal)
                || t.Key.Contains("__clientId", StringComparison.Ordinal), $"{t.Key} is owned by infra/app/functions.bicep");
            // A *SecretName setting (Notifications__Targets__<n>__SecretName) names a Key Vault secret; it holds none.
            var words = t.Key.EndsWith("SecretName", StringComparison.Ordinal) ? t.Key[..^"SecretName".Length] : t.Key;
            Assert.DoesNotContain(credentialWords, w => words.Contains(w, StringComparison.OrdinalIgnoreCase));
            Assert.Equal(t.Value.Text(), Settings[t.Key]);
        });
    }
}
