namespace TradingBot.Infra.Tests.Arm;

/// <summary>Where a (nested) template is deployed: subscription, tenant, resource group (null at subscription scope), deployment name.</summary>
internal sealed record ArmDeploymentContext(string SubscriptionId, string TenantId, string Location, string? ResourceGroup, string DeploymentName)
{
    public string SubscriptionResourceId => $"/subscriptions/{SubscriptionId}";

    public string ResourceGroupId => ResourceGroup is null
        ? throw new ArmTemplateException($"Deployment '{DeploymentName}' is at subscription scope: no resource group")
        : $"{SubscriptionResourceId}/resourceGroups/{ResourceGroup}";

    /// <summary>The id prefix of resources deployed here (resource group, or subscription).</summary>
    public string ScopeId => ResourceGroup is null ? SubscriptionResourceId : ResourceGroupId;
}
