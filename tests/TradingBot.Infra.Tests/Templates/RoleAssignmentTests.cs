using TradingBot.Infra.Tests.App;
using TradingBot.Infra.Tests.Arm;
using TradingBot.Infra.Tests.Deployment;

namespace TradingBot.Infra.Tests.Templates;

/// <summary>Least privilege: the app identity holds exactly the data-plane roles it uses, on exactly the resources it uses.</summary>
public sealed class RoleAssignmentTests
{
    private static readonly string[] Forbidden =
    [
        RoleIds.Owner, RoleIds.Contributor, RoleIds.UserAccessAdministrator, RoleIds.RoleBasedAccessControlAdministrator,
        RoleIds.ServiceBusDataOwner, RoleIds.StorageAccountContributor, RoleIds.KeyVaultAdministrator,
    ];

    private static string AppPrincipal(ArmDeploymentResult deployment) => $"«reference({deployment.Identity().Id}).principalId»";

    [Fact]
    public void Deploy_AppIdentity_HoldsExactlyTheRolesTheFunctionsNeed()
    {
        var deployment = Deployed.Default;
        var ns = deployment.Namespace().Id;
        var expected = new List<(string Role, string Scope)>
        {
            (RoleIds.StorageBlobDataOwner, deployment.HostStorage().Id),
            (RoleIds.StorageTableDataContributor, deployment.DataStorage().Id),
            (RoleIds.KeyVaultSecretsUser, deployment.Vault().Id),
            (RoleIds.MonitoringMetricsPublisher, deployment.Single("Microsoft.Insights/components").Id),
        };
        expected.AddRange(FunctionApp.Bindings.Where(b => b.Type == "serviceBus").Select(b => (RoleIds.ServiceBusDataSender, $"{ns}/topics/{b.TopicName}")));
        expected.AddRange(FunctionApp.Bindings.Where(b => b.Type == "serviceBusTrigger")
            .Select(b => (RoleIds.ServiceBusDataReceiver, $"{ns}/topics/{b.TopicName}/subscriptions/{b.SubscriptionName}")));

        var granted = deployment.RoleAssignments().Where(a => a.PrincipalId() == AppPrincipal(deployment)).Select(a => (a.RoleId(), a.Scope!)).ToHashSet();

        Assert.Equal(expected.ToHashSet().Order(), granted.Order());
    }

    [Fact]
    public void Deploy_AppRoleAssignments_NameAServicePrincipal()
    {
        var deployment = Deployed.Default;

        Assert.All(deployment.RoleAssignments().Where(a => a.PrincipalId() == AppPrincipal(deployment)),
            a => Assert.Equal("ServicePrincipal", a.Properties["principalType"].Text()));
    }

    [Fact]
    public void Deploy_NoRoleAssignment_GrantsAnOwnerOrAdministratorRole()
    {
        var deployment = AzdEnvironment.Deploy(AzdEnvironment.With(("BINANCE_MODE", "Live"), ("STATIC_OUTBOUND_IP_ENABLED", "true")));

        Assert.NotEmpty(deployment.RoleAssignments());
        Assert.All(deployment.RoleAssignments(), a => Assert.DoesNotContain(a.RoleId(), Forbidden));
    }

    [Fact]
    public void Deploy_Operator_MayWriteVenueKeysAndTheBotsTablesOnly()
    {
        var deployment = Deployed.Default;

        var operatorRoles = deployment.RoleAssignments().Where(a => a.PrincipalId() == AzdEnvironment.PrincipalId).Select(a => (a.RoleId(), a.Scope!)).ToHashSet();

        Assert.Equal(
            new[] { (RoleIds.KeyVaultSecretsOfficer, deployment.Vault().Id), (RoleIds.StorageTableDataContributor, deployment.DataStorage().Id) }.Order(),
            operatorRoles.Order());
    }

    [Fact]
    public void Deploy_WithoutASignedInPrincipal_GrantsNoHumanAccess()
    {
        var deployment = AzdEnvironment.Deploy(AzdEnvironment.With(("AZURE_PRINCIPAL_ID", "")));

        Assert.All(deployment.RoleAssignments(), a => Assert.Equal(AppPrincipal(deployment), a.PrincipalId()));
    }

    [Fact]
    public void Deploy_RoleAssignmentNames_AreUnique()
    {
        var ids = Deployed.Default.RoleAssignments().Select(a => a.Id).ToList();

        Assert.Equal(ids.Count, ids.Distinct(StringComparer.OrdinalIgnoreCase).Count());
    }
}
