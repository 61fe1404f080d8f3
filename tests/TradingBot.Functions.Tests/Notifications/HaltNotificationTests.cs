using System.Net.Http.Json;
using TradingBot.Core.Risk;
using TradingBot.Core.Risk.Events;
using TradingBot.Functions.Api.Live;
using TradingBot.Functions.Notifications;
using TradingBot.Storage.Risk;
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

    [Fact]
    public async Task Halt_FromTheApiThenFoundByThePipelineCheck_IsAnnouncedOnce()
    {
        using var api = Notifying();
        api.Host.Time.Advance(TimeSpan.FromSeconds(5));

        using var response = await api.Trader.PostAsJsonAsync("/api/risk/halt", new { message = "once only", account = "paper-testex" });
        response.EnsureSuccessStatusCode();
        await api.Service<PipelineEvents>().CheckHaltsAsync("paper-testex", default);

        var bodies = await HaltsBeforeSentinelAsync(api);
        Assert.Contains("once only", Assert.Single(bodies), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AutomaticHalt_CheckedByTwoInstances_IsAnnouncedOnce()
    {
        using var api = Notifying();
        var otherInstance = Microsoft.Extensions.DependencyInjection.ActivatorUtilities.CreateInstance<PipelineEvents>(api.Host.Services);
        api.Host.Time.Advance(TimeSpan.FromSeconds(5));
        var books = api.Service<RiskStateStore>();
        var halted = new RiskState().Apply([new TradingHalted(api.Host.Time.GetUtcNow(), RiskReason.DailyLossLimit,
            DateOnly.FromDateTime(api.Host.Time.GetUtcNow().UtcDateTime), HaltReset.NextDay, "daily loss 5.2% >= 5%")]);
        await books.SaveAsync(new RiskBook("paper-testex", halted), default);

        await api.Service<PipelineEvents>().CheckHaltsAsync("paper-testex", default);
        await otherInstance.CheckHaltsAsync("paper-testex", default);
        await api.Service<PipelineEvents>().CheckHaltsAsync("paper-testex", default);

        var bodies = await HaltsBeforeSentinelAsync(api);
        Assert.Contains("daily-loss-limit", Assert.Single(bodies), StringComparison.Ordinal);
    }

    private Api.ApiHost Notifying() => Api.ApiHost.Create(azurite,
        ("Notifications:Targets:0:Name", "ops"), ("Notifications:Targets:0:Format", "Generic"), ("Notifications:Targets:0:SecretName", "ops-webhook"),
        ("Secrets:ops-webhook", new Uri(_receiver.Address, "hooks/ops").ToString()));

    /// <summary>The halt notifications sent before a sentinel error notification (the notifier sends in order, so nothing announced earlier is still on its way).</summary>
    private async Task<List<string>> HaltsBeforeSentinelAsync(Api.ApiHost api)
    {
        api.Service<WebhookNotifier>().Notify(new Notification(NotificationKind.Error, "sentinel", "end of test", api.Host.Time.GetUtcNow(), new Dictionary<string, string>()));
        for (var i = 0; i < 400 && !_receiver.Requests.Any(r => r.Body.Contains("sentinel", StringComparison.Ordinal)); i++)
        {
            await Task.Delay(25);
        }

        var bodies = _receiver.Requests.Select(r => r.Body).ToList();
        Assert.Contains(bodies, b => b.Contains("sentinel", StringComparison.Ordinal));
        return [.. bodies.Where(b => b.Contains("\"kind\":\"halt\"", StringComparison.Ordinal))];
    }
}
