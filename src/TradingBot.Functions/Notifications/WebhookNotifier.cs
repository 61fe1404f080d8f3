using System.Threading.Channels;
using Microsoft.Extensions.Options;
using TradingBot.Storage.Secrets;

namespace TradingBot.Functions.Notifications;

/// <summary>
/// Sends notifications to the configured webhook targets in the background (a function never waits for a chat
/// service). Best effort: one attempt per target with a timeout; a failure is logged by target name and status only.
/// The URL or token comes from the secret store on every send (so rotation needs no restart) and is never logged:
/// the HTTP client has no logging handlers and its requests are excluded from tracing.
/// </summary>
public sealed class WebhookNotifier(IOptions<NotificationOptions> options, ISecretStore secrets, IHttpClientFactory clients,
    ILogger<WebhookNotifier> logger) : BackgroundService
{
    public const string ClientName = "notifications";

    /// <summary>Set on every notification request so telemetry leaves it out (the URL path holds the secret).</summary>
    public static readonly HttpRequestOptionsKey<bool> Untraced = new("tradingbot.untraced");

    private readonly Channel<Notification> _queue = Channel.CreateBounded<Notification>(
        new BoundedChannelOptions(Math.Max(1, options.Value.QueueLimit)) { FullMode = BoundedChannelFullMode.DropWrite });

    public bool Enabled => options.Value.Targets.Count > 0;

    /// <summary>The HTTP client notifications use: no logging handlers (they would log the URL, which holds the secret).</summary>
    public static IHttpClientBuilder AddClient(IServiceCollection services) => services.AddHttpClient(ClientName).RemoveAllLoggers();

    public void Notify(Notification notification)
    {
        ArgumentNullException.ThrowIfNull(notification);
        if (Enabled && !_queue.Writer.TryWrite(notification))
        {
            logger.NotificationDropped(notification.Kind.ToString());
        }
    }

    /// <summary>Sends one notification to every target that wants its kind (what the background loop does for each).</summary>
    public async Task SendAsync(Notification notification, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(notification);
        foreach (var target in options.Value.Targets.Where(t => t.Kinds.Contains(notification.Kind)))
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
            timeout.CancelAfter(options.Value.Timeout);
            try
            {
                var secret = await secrets.GetAsync(target.SecretName, timeout.Token)
                    ?? throw new NotificationConfigurationException($"secret '{target.SecretName}' is not set");
                var (url, body) = WebhookPayloads.For(target, secret, notification);
                using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new StringContent(body, System.Text.Encoding.UTF8, "application/json") };
                request.Options.Set(Untraced, true);
                using var response = await clients.CreateClient(ClientName).SendAsync(request, timeout.Token);
                if (!response.IsSuccessStatusCode)
                {
                    logger.NotificationFailed(target.Name, $"HTTP {(int)response.StatusCode}");
                }
            }
#pragma warning disable CA1031 // Best effort: whatever fails, the other targets and later notifications still go out.
            catch (Exception ex) when (!ct.IsCancellationRequested)
#pragma warning restore CA1031
            {
                // Only our own configuration errors are worded by us; any other exception text may contain the URL: log its type only.
                logger.NotificationFailed(target.Name, ex is NotificationConfigurationException ? ex.Message : ex.GetType().Name);
            }
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var notification in _queue.Reader.ReadAllAsync(stoppingToken))
        {
            await SendAsync(notification, stoppingToken);
        }
    }
}
