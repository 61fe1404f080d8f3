using System.Net.Http.Json;
using TradingBot.Testing;

namespace TradingBot.Functions.Tests.Notifications;

/// <summary>The notifier as deployed: targets from the <c>Notifications</c> section, the URL from the secret store.</summary>
[Collection(AzuriteTests.Name)]
public sealed class HaltNotificationTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private WebhookReceiver _receiver = null!;

    public async Task InitializeAsync() => _receiver = await WebhookReceiver.StartAsync();

    public async Task DisposeAsync() => await _receiver.DisposeAsync();

    [Fact]
    public async Task Halt_FromTheApi_IsNotifiedThroughTheConfiguredTarget()
    {
        var url = new Uri(_receiver.Address, "hooks/ops").ToString();
        using var api = Api.ApiHost.Create(azurite,
            ("Notifications:Targets:0:Name", "ops"), ("Notifications:Targets:0:Format", "Generic"), ("Notifications:Targets:0:SecretName", "ops-webhook"),
            ("Secrets:ops-webhook", url));

        using var response = await api.Trader.PostAsJsonAsync("/api/risk/halt", new { message = "notify me", account = "paper-testex" });
        response.EnsureSuccessStatusCode();
        for (var i = 0; i < 400 && _receiver.Requests.IsEmpty; i++)
        {
            await Task.Delay(25);
        }

        var (path, body) = Assert.Single(_receiver.Requests);
        Assert.Equal("/hooks/ops", path);
        Assert.Contains("notify me", body, StringComparison.Ordinal);
        Assert.Contains("\"kind\":\"halt\"", body, StringComparison.Ordinal);
    }
}
