using System.Text.Json.Nodes;
using TradingBot.Infra.Tests.Arm;

namespace TradingBot.Infra.Tests.Deployment;

/// <summary>Reading a simulated deployment: the function app, its settings, the identity, role assignments.</summary>
internal static class Deployed
{
    private static readonly Lazy<ArmDeploymentResult> Defaults = new(() => AzdEnvironment.Deploy(AzdEnvironment.With()));

    /// <summary>`azd up` in a fresh environment (every optional parameter at its default).</summary>
    public static ArmDeploymentResult Default => Defaults.Value;

    public static ArmResource FunctionApp(this ArmDeploymentResult deployment) => deployment.Single("Microsoft.Web/sites");

    public static ArmResource Identity(this ArmDeploymentResult deployment) => deployment.Single("Microsoft.ManagedIdentity/userAssignedIdentities");

    public static ArmResource Vault(this ArmDeploymentResult deployment) => deployment.Single("Microsoft.KeyVault/vaults");

    public static ArmResource Namespace(this ArmDeploymentResult deployment) => deployment.Single("Microsoft.ServiceBus/namespaces");

    /// <summary>The storage account the Functions host uses (the one holding the deployment container).</summary>
    public static ArmResource HostStorage(this ArmDeploymentResult deployment)
    {
        var container = deployment.Single("Microsoft.Storage/storageAccounts/blobServices/containers");
        return deployment.OfType("Microsoft.Storage/storageAccounts").Single(a => container.Name.StartsWith(a.Name + "/", StringComparison.Ordinal));
    }

    /// <summary>The other storage account: the bot's tables.</summary>
    public static ArmResource DataStorage(this ArmDeploymentResult deployment)
    {
        var host = deployment.HostStorage();
        return deployment.OfType("Microsoft.Storage/storageAccounts").Single(a => a.Id != host.Id);
    }

    /// <summary>The function app's settings, name → value.</summary>
    public static IReadOnlyDictionary<string, string> AppSettings(this ArmDeploymentResult deployment)
    {
        var settings = deployment.FunctionApp().Properties["siteConfig"]!["appSettings"]!.AsArray();
        return settings.ToDictionary(s => s!["name"]!.GetValue<string>(), s => s!["value"]!.GetValue<string>(), StringComparer.OrdinalIgnoreCase);
    }

    public static IEnumerable<ArmResource> RoleAssignments(this ArmDeploymentResult deployment) =>
        deployment.OfType("Microsoft.Authorization/roleAssignments");

    /// <summary>The role definition GUID an assignment grants.</summary>
    public static string RoleId(this ArmResource assignment) =>
        assignment.Properties["roleDefinitionId"]!.GetValue<string>().Split('/')[^1];

    public static string PrincipalId(this ArmResource assignment) => assignment.Properties["principalId"]!.GetValue<string>();

    /// <summary>Whether a value is the runtime value <c>reference(resource).path</c>.</summary>
    public static bool IsPropertyOf(this string value, ArmResource resource, string path) => ArmRuntimeValue.IsProperty(value, resource.Id, path);

    public static string Text(this JsonNode? node) => node?.GetValue<string>() ?? throw new InvalidOperationException("missing value");
}
