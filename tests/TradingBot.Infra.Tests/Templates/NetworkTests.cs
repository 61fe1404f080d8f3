using TradingBot.Infra.Tests.Deployment;

namespace TradingBot.Infra.Tests.Templates;

/// <summary>Optional static outbound IP: a NAT gateway on the app's integration subnet, its address an output for venue allow-lists.</summary>
public sealed class NetworkTests
{
    [Fact]
    public void Deploy_ByDefault_HasNoNetworkAndNoStaticIp()
    {
        var deployment = Deployed.Default;

        Assert.DoesNotContain(deployment.Resources, r => r.Type.StartsWith("Microsoft.Network/", StringComparison.OrdinalIgnoreCase));
        Assert.Null(deployment.FunctionApp().Properties["virtualNetworkSubnetId"]);
        Assert.Equal("", deployment.Output("STATIC_OUTBOUND_IP"));
    }

    [Fact]
    public void Deploy_WithStaticOutboundIp_SendsAllAppTrafficThroughOneStaticAddress()
    {
        var deployment = AzdEnvironment.Deploy(AzdEnvironment.With(("STATIC_OUTBOUND_IP_ENABLED", "true")));
        var ip = deployment.Single("Microsoft.Network/publicIPAddresses");
        var nat = deployment.Single("Microsoft.Network/natGateways");
        var vnet = deployment.Single("Microsoft.Network/virtualNetworks");
        var subnet = vnet.Properties["subnets"]!.AsArray().Single()!["properties"]!;
        var app = deployment.FunctionApp().Properties;

        Assert.Equal("Static", ip.Properties["publicIPAllocationMethod"].Text());
        Assert.Equal("Standard", ip.Body["sku"]!["name"].Text());
        Assert.Equal(ip.Id, nat.Properties["publicIpAddresses"]!.AsArray().Single()!["id"].Text());
        Assert.Equal(nat.Id, subnet["natGateway"]!["id"].Text());
        Assert.Equal("Microsoft.App/environments", subnet["delegations"]!.AsArray().Single()!["properties"]!["serviceName"].Text());
        Assert.Equal($"«reference({vnet.Id}).subnets[0].id»", app["virtualNetworkSubnetId"].Text());
        Assert.True(app["siteConfig"]!["vnetRouteAllEnabled"]!.GetValue<bool>(), "venue calls must leave through the NAT gateway");
        Assert.Equal($"«reference({ip.Id}).ipAddress»", deployment.Output("STATIC_OUTBOUND_IP"));
    }
}
