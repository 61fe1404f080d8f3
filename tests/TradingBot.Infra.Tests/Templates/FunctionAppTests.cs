using TradingBot.Infra.Tests.App;
using TradingBot.Infra.Tests.Deployment;

namespace TradingBot.Infra.Tests.Templates;

/// <summary>The app runs on Flex Consumption with the runtime host.json's custom handler needs, as its own identity.</summary>
public sealed class FunctionAppTests
{
    [Fact]
    public void Deploy_Plan_IsFlexConsumptionOnLinux()
    {
        var plan = Deployed.Default.Single("Microsoft.Web/serverfarms");

        Assert.Equal("FC1", plan.Body["sku"]!["name"].Text());
        Assert.Equal("FlexConsumption", plan.Body["sku"]!["tier"].Text());
        Assert.True(plan.Properties["reserved"]!.GetValue<bool>(), "Flex Consumption is Linux (reserved)");
        Assert.Equal(plan.Id, Deployed.Default.FunctionApp().Properties["serverFarmId"].Text());
        Assert.Equal("functionapp,linux", Deployed.Default.FunctionApp().Body["kind"].Text());
    }

    [Fact]
    public void HostJson_CustomHandler_RunsTheHandlerExecutable()
    {
        var description = FunctionApp.HostJson["customHandler"]!["description"]!;
        var arguments = description["arguments"]!.AsArray().Select(a => a.Text()).ToList();

        Assert.Equal(FunctionApp.ExecutableFileName, description["defaultExecutablePath"].Text());
        Assert.Contains("%FUNCTIONS_CUSTOMHANDLER_PORT%", string.Join(" ", arguments), StringComparison.Ordinal);
    }

    [Fact]
    public void Deploy_Runtime_IsDotnetIsolatedOfTheTargetFramework()
    {
        var runtime = Deployed.Default.FunctionApp().Properties["functionAppConfig"]!["runtime"]!;

        // The deployed handler is a Native AOT executable and needs no .NET on the image; the Flex runtime is still named
        // (Flex has no custom runtime) as the target framework's, which the PublishAot=false build could also run on.
        Assert.Equal("dotnet-isolated", runtime["name"].Text());
        Assert.Equal(FunctionApp.TargetFramework, "net" + runtime["version"].Text());
    }

    [Fact]
    public void Deploy_FunctionApp_RunsAsTheUserAssignedIdentity()
    {
        var app = Deployed.Default.FunctionApp();
        var identity = Deployed.Default.Identity();

        Assert.Equal("UserAssigned", app.Body["identity"]!["type"].Text());
        Assert.Equal([identity.Id], app.Body["identity"]!["userAssignedIdentities"]!.AsObject().Select(p => p.Key));
        Assert.Equal(identity.Id, app.Properties["keyVaultReferenceIdentity"].Text());
        var storage = app.Properties["functionAppConfig"]!["deployment"]!["storage"]!;
        Assert.Equal("UserAssignedIdentity", storage["authentication"]!["type"].Text());
        Assert.Equal(identity.Id, storage["authentication"]!["userAssignedIdentityResourceId"].Text());
    }

    [Fact]
    public void Deploy_Package_GoesToAPrivateContainerOfTheHostStorage()
    {
        var deployment = Deployed.Default;
        var container = deployment.Single("Microsoft.Storage/storageAccounts/blobServices/containers");
        var storage = deployment.FunctionApp().Properties["functionAppConfig"]!["deployment"]!["storage"]!;

        Assert.Equal("blobContainer", storage["type"].Text());
        Assert.Equal($"«reference({deployment.HostStorage().Id}).primaryEndpoints.blob»{container.ShortName}", storage["value"].Text());
        Assert.Equal("None", container.Properties["publicAccess"].Text());
    }

    [Fact]
    public void Deploy_FunctionApp_IsHttpsOnlyWithTls12()
    {
        var app = Deployed.Default.FunctionApp();

        Assert.True(app.Properties["httpsOnly"]!.GetValue<bool>());
        Assert.Equal("1.2", app.Properties["siteConfig"]!["minTlsVersion"].Text());
    }

    [Fact]
    public void Deploy_Scale_IsBoundedAndConfigurable()
    {
        var defaults = Deployed.Default.FunctionApp().Properties["functionAppConfig"]!["scaleAndConcurrency"]!;
        var tuned = AzdEnvironment.Deploy(AzdEnvironment.With(("FUNCTIONS_MAXIMUM_INSTANCES", "100"), ("FUNCTIONS_INSTANCE_MEMORY_MB", "512")))
            .FunctionApp().Properties["functionAppConfig"]!["scaleAndConcurrency"]!;

        Assert.Equal(40, defaults["maximumInstanceCount"]!.GetValue<long>());
        Assert.Equal(2048, defaults["instanceMemoryMB"]!.GetValue<long>());
        Assert.Equal(100, tuned["maximumInstanceCount"]!.GetValue<long>());
        Assert.Equal(512, tuned["instanceMemoryMB"]!.GetValue<long>());
    }
}
