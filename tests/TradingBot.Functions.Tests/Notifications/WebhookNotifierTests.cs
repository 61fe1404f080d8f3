using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using TradingBot.Functions.Notifications;
using TradingBot.Storage.Secrets;
using TradingBot.Testing;

namespace TradingBot.Functions.Tests.Notifications;

public sealed class WebhookNotifierTests : IAsyncLifetime, IDisposable
{
    private const string TelegramToken = "123456:telegram-secret-token";
    private static readonly DateTimeOffset At = new(2026, 1, 10, 12, 0, 0, TimeSpan.Zero);
    private readonly CapturedLogs _logs = new();
    private WebhookReceiver _receiver = null!;

    public async Task InitializeAsync() => _receiver = await WebhookReceiver.StartAsync();

    public async Task DisposeAsync() => await _receiver.DisposeAsync();

    public void Dispose() => _logs.Dispose();

    private static Notification Fill() => new(NotificationKind.Fill, "Fill", "paper-binance: bought 0.5 BTC/USDT at 97000.1", At,
        new Dictionary<string, string> { ["symbol"] = "BTC/USDT", ["price"] = "97000.1" });

    private WebhookNotifier Notifier(params WebhookTarget[] targets)
    {
        var secrets = new Dictionary<string, string?>
        {
            ["Secrets:generic-url"] = new Uri(_receiver.Address, "hooks/generic-secret-path").ToString(),
            ["Secrets:slack-url"] = new Uri(_receiver.Address, "services/T0/B0/slack-secret").ToString(),
            ["Secrets:discord-url"] = new Uri(_receiver.Address, "api/webhooks/1/discord-secret").ToString(),
            ["Secrets:telegram-token"] = TelegramToken,
        };
        var options = new NotificationOptions();
        options.Targets.AddRange(targets);
        var services = new ServiceCollection();
        WebhookNotifier.AddClient(services);
        services.AddLogging(l => l.AddProvider(_logs));
        var provider = services.BuildServiceProvider();
        var store = new ConfigurationSecretStore(new ConfigurationBuilder().AddInMemoryCollection(secrets).Build());
        return new WebhookNotifier(Options.Create(options), store, provider.GetRequiredService<IHttpClientFactory>(),
            provider.GetRequiredService<ILogger<WebhookNotifier>>());
    }

    private static WebhookTarget Target(string name, WebhookFormat format, string secret, params NotificationKind[] kinds)
    {
        var target = new WebhookTarget { Name = name, Format = format, SecretName = secret, ChatId = "42" };
        if (kinds.Length > 0)
        {
            target.Kinds = [.. kinds];
        }

        return target;
    }

    [Fact]
    public async Task Send_EveryFormat_PostsTheShapeItsServiceExpects()
    {
        var telegram = Target("tg", WebhookFormat.Telegram, "telegram-token");
        telegram.TelegramApiBaseUrl = _receiver.Address;
        var notifier = Notifier(Target("generic", WebhookFormat.Generic, "generic-url"), Target("slack", WebhookFormat.Slack, "slack-url"),
            Target("discord", WebhookFormat.Discord, "discord-url"), telegram);

        await notifier.SendAsync(Fill(), default);

        var requests = _receiver.Requests.ToDictionary(r => r.Path, r => JsonDocument.Parse(r.Body).RootElement);
        var generic = requests["/hooks/generic-secret-path"];
        Assert.Equal("fill", generic.GetProperty("kind").GetString());
        Assert.Equal("97000.1", generic.GetProperty("fields").GetProperty("price").GetString());
        Assert.Equal("2026-01-10T12:00:00.000Z", generic.GetProperty("at").GetString());
        Assert.Contains("bought 0.5 BTC/USDT", requests["/services/T0/B0/slack-secret"].GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.Contains("bought 0.5 BTC/USDT", requests["/api/webhooks/1/discord-secret"].GetProperty("content").GetString(), StringComparison.Ordinal);
        var message = requests[$"/bot{TelegramToken}/sendMessage"];
        Assert.Equal("42", message.GetProperty("chat_id").GetString());
        Assert.StartsWith("Fill: ", message.GetProperty("text").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Send_TargetWithoutThatKind_GetsNothing()
    {
        var notifier = Notifier(Target("halts-only", WebhookFormat.Generic, "generic-url", NotificationKind.Halt));

        await notifier.SendAsync(Fill(), default);

        Assert.Empty(_receiver.Requests);
    }

    [Fact]
    public async Task Send_ReceiverFailsOrSecretMissing_LogsTheTargetButNeverTheSecret()
    {
        _receiver.Status = 500;
        var telegram = Target("tg", WebhookFormat.Telegram, "telegram-token");
        telegram.TelegramApiBaseUrl = _receiver.Address;
        var notifier = Notifier(Target("slack", WebhookFormat.Slack, "slack-url"), telegram, Target("nowhere", WebhookFormat.Generic, "missing-secret"));

        await notifier.SendAsync(Fill(), default);

        var lines = _logs.Lines.Select(l => l.Message).ToList();
        Assert.Contains("Notification to slack failed: HTTP 500", lines);
        Assert.Contains("Notification to tg failed: HTTP 500", lines);
        Assert.Contains(lines, l => l.StartsWith("Notification to nowhere failed", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.Contains("secret-path", StringComparison.Ordinal) || l.Contains("slack-secret", StringComparison.Ordinal)
            || l.Contains(TelegramToken, StringComparison.Ordinal));
    }
}
