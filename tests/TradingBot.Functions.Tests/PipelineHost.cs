using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;
using TradingBot.Core.Exchange;
using TradingBot.Core.Messages;
using TradingBot.Exchanges;
using TradingBot.Functions.Venues;
using TradingBot.Testing;

namespace TradingBot.Functions.Tests;

/// <summary>
/// The function app as the Functions host runs it: Kestrel on a free 127.0.0.1 port, invoked over real HTTP with
/// host-shaped payloads (<see cref="HostPayloads"/>), state in real Azurite under a table prefix of its own. The venue
/// <c>testex</c> (<see cref="Venue"/>) serves market data and live orders; its paper account (<see cref="Paper"/>)
/// executes orders in the default paper mode. Time is a <see cref="FakeTimeProvider"/>.
/// </summary>
public sealed class PipelineHost : WebApplicationFactory<Program>
{
    public const string VenueId = "testex";
    public static readonly DateTimeOffset Start = new(2026, 1, 10, 12, 0, 30, TimeSpan.Zero);

    private readonly Dictionary<string, string?> _settings;

    private PipelineHost(AzuriteFixture azurite, (string Key, string? Value)[] settings)
    {
        ArgumentNullException.ThrowIfNull(azurite);
        Venue = new FakeExchange(VenueId, Time);
        Paper = new FakeExchange("paper", Time);
        _settings = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase)
        {
            ["TableConnection"] = azurite.ConnectionString,
            ["Storage:TablePrefix"] = AzuriteFixture.NewTablePrefix(),
            ["Pipeline:StrategyHistoryBars"] = "20",
            ["Pipeline:BackfillBars"] = "60",
        };
        foreach (var (key, value) in settings)
        {
            _settings[key] = value;
        }

        UseKestrel(0);
        try
        {
            StartServer();
        }
        catch (Exception ex) when (ex is InvalidOperationException or ObjectDisposedException)
        {
            base.Dispose(true);
            throw;
        }

        var address = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        Client = new HttpClient { BaseAddress = new Uri(address) };
    }

    /// <summary>
    /// Starts the app. WebApplicationFactory's Kestrel mode occasionally races the app's own start when it sets the
    /// listening port ("Addresses cannot be modified after the server has started"), or, when the app's start fails (an
    /// invalid setting), reads the port from the app's services after the failed app disposed them, which hides why it
    /// failed (ObjectDisposedException). Such a start is retried with a fresh factory.
    /// </summary>
    public static PipelineHost Create(AzuriteFixture azurite, params (string Key, string? Value)[] settings)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return new PipelineHost(azurite, settings);
            }
            catch (InvalidOperationException ex) when (attempt < 5 && ex.Message.Contains("after the server has started", StringComparison.Ordinal))
            {
                // The failed factory disposed itself; try a fresh one.
            }
            catch (ObjectDisposedException) when (attempt < 5)
            {
                // The app stopped during its start before the factory read its port; start again to see why.
            }
        }
    }

    public FakeTimeProvider Time { get; } = new(Start);

    public FakeExchange Venue { get; }

    public FakeExchange Paper { get; }

    public CapturedLogs Logs { get; } = new();

    public HttpClient Client { get; } = null!;

    public T Service<T>()
        where T : notnull => Services.GetRequiredService<T>();

    /// <summary>POSTs an invocation to <c>/{function}</c> with the host's headers.</summary>
    public async Task<InvokeReply> InvokeAsync(string function, string payload, Action<HttpRequestMessage>? configure = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/" + function) { Content = new StringContent(payload, Encoding.UTF8, "application/json") };
        request.Headers.Add("X-Azure-Functions-InvocationId", Guid.NewGuid().ToString());
        request.Headers.Add("X-Azure-Functions-HostVersion", "4.1037.0");
        request.Headers.UserAgent.Add(new ProductInfoHeaderValue("Azure-Functions-Host", "4.1037.0"));
        configure?.Invoke(request);
        using var response = await Client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        using var document = JsonDocument.Parse(text.Length == 0 ? "null" : text);
        return new InvokeReply(response.StatusCode, response.Content.Headers.ContentType?.MediaType ?? "", document.RootElement.Clone());
    }

    /// <summary>Delivers <paramref name="body"/> from a subscription to <paramref name="function"/> (trigger binding <paramref name="binding"/>).</summary>
    public Task<InvokeReply> DeliverAsync(string function, string binding, string body, int deliveryCount = 1) =>
        InvokeAsync(function, HostPayloads.ServiceBus(function, binding, body, deliveryCount, now: Time.GetUtcNow()));

    public Task<InvokeReply> DeliverAsync<T>(string function, string binding, T message, int deliveryCount = 1)
        where T : IMessage => DeliverAsync(function, binding, MessageJson.Serialize(message), deliveryCount);

    /// <summary>Delivers every body to <paramref name="function"/> (each must answer 200) and returns what it published on <paramref name="output"/>.</summary>
    public async Task<IReadOnlyList<string>> DeliverAllAsync(string function, string binding, IEnumerable<string> bodies, string output)
    {
        var next = new List<string>();
        foreach (var body in bodies)
        {
            var reply = await DeliverAsync(function, binding, body);
            Assert.Equal(System.Net.HttpStatusCode.OK, reply.Status);
            next.AddRange(reply.Bodies(output));
        }

        return next;
    }

    /// <summary>Fires timer function <paramref name="function"/> now.</summary>
    public Task<InvokeReply> TickAsync(string function) => InvokeAsync(function, HostPayloads.Timer(function, now: Time.GetUtcNow()));

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureTestServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(Time);
            services.AddVenue(VenueId, _ => Venue);
            services.AddSingleton<IPaperVenues>(new PaperVenues(Paper));
            services.AddSingleton<ILoggerProvider>(Logs);
        });
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            // Null when the start failed and the factory disposed itself from the constructor.
            Client?.Dispose();
        }

        base.Dispose(disposing);
    }

    private sealed class PaperVenues(IExchange paper) : IPaperVenues
    {
        public IExchange For(string venue) => paper;
    }
}
