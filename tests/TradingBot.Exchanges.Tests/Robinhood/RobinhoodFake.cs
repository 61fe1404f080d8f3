using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using TradingBot.Core.Exchange;
using TradingBot.Exchanges.Http;
using TradingBot.Exchanges.Robinhood;
using TradingBot.Exchanges.Tests.Fakes;

namespace TradingBot.Exchanges.Tests.Robinhood;

/// <summary>
/// A local Robinhood Crypto Trading API: answers with recorded payloads and checks every request's signature the way
/// Robinhood does (<c>x-api-key</c> is ours, <c>x-timestamp</c> within 30 s, <c>x-signature</c> verifies over api key +
/// timestamp + path and query as sent + method + body with the registered public key), answering 401 otherwise.
/// </summary>
internal sealed class RobinhoodFake : IAsyncDisposable
{
    public const string ApiKey = "rh-api-6148effc-c0b1-486c-8940-a1d099456be6";
    public const string Trading = "/api/v1/crypto/trading";
    public const string MarketData = "/api/v1/crypto/marketdata";
    public const string OpenOrderId = "497f6eca-6276-4993-bfeb-53cbbbba6f08";
    public const string FilledOrderId = "5e1c2a9b-8d7f-4b3a-9c2e-1f0a6b5d4c3e";
    public const string CreatedOrderId = "8d2f9c4e-1b3a-4d5e-9f60-7a8b9c0d1e2f";

    private readonly byte[] _publicKey;

    private RobinhoodFake(VenueHost host, string privateKey, byte[] publicKey, bool credentials, bool testnet)
    {
        Host = host;
        PrivateKey = privateKey;
        _publicKey = publicKey;
        if (credentials)
        {
            host.Settings["ApiKey"] = ApiKey;
            host.Settings["ApiSecret"] = privateKey;
        }

        if (testnet)
        {
            host.Settings["Testnet"] = "true";
            host.Settings.Remove("BaseUrl");
        }

        host.Server.Gate = Authenticate;
        RegisterDefaultRoutes();
    }

    public VenueHost Host { get; }

    public FakeVenueServer Server => Host.Server;

    public FakeTimeProvider Time => Host.Time;

    public CapturedLogs Logs => Host.Logs;

    /// <summary>The base64 private key seed given to the adapter as Venues:Robinhood:ApiSecret.</summary>
    public string PrivateKey { get; }

    /// <summary>Every x-signature the fake received.</summary>
    public ConcurrentQueue<string> Signatures { get; } = new();

    /// <summary>Why a request was refused (empty when every request authenticated).</summary>
    public ConcurrentQueue<string> AuthFailures { get; } = new();

    public RobinhoodExchange Exchange => Host.Exchange<RobinhoodExchange, RobinhoodOptions>(static (options, section) => options.Bind(section));

    public static async Task<RobinhoodFake> StartAsync(bool credentials = true, VenueHttpSettings? http = null, bool testnet = false)
    {
        var host = await VenueHost.StartAsync(VenueIds.Robinhood, new DateTimeOffset(2026, 1, 1, 6, 0, 0, TimeSpan.Zero), http);
        var seed = RandomNumberGenerator.GetBytes(32);
        return new RobinhoodFake(host, Convert.ToBase64String(seed), Ed25519Key.FromSeed(seed).PublicKey, credentials, testnet);
    }

    public ValueTask DisposeAsync() => Host.DisposeAsync();

    public FakeVenueServer On(string method, string path, Func<FakeRequest, FakeResponse> handler) => Server.On(method, path, handler);

    public FakeVenueServer On(string method, string path, FakeResponse response) => Server.On(method, path, response);

    private FakeResponse? Authenticate(FakeRequest request)
    {
        var signature = request.Header("x-signature");
        if (signature is not null)
        {
            Signatures.Enqueue(signature);
        }

        var problems = new List<string>();
        if (request.Header("x-api-key") != ApiKey)
        {
            problems.Add("wrong or missing x-api-key");
        }

        if (!long.TryParse(request.Header("x-timestamp"), NumberStyles.None, CultureInfo.InvariantCulture, out var timestamp)
            || Math.Abs(Time.GetUtcNow().ToUnixTimeSeconds() - timestamp) > 30)
        {
            problems.Add("x-timestamp missing or outside 30 s");
        }
        else
        {
            var message = Encoding.UTF8.GetBytes($"{ApiKey}{timestamp}{request.RawTarget}{request.Method}{request.Body}");
            var valid = signature is not null && Convert.TryFromBase64String(signature, new byte[64], out var length) && length == 64
                        && Ed25519Key.Verify(_publicKey, message, Convert.FromBase64String(signature));
            if (!valid)
            {
                problems.Add($"x-signature does not verify over {request.Method} {request.RawTarget}");
            }
        }

        if (problems.Count == 0)
        {
            return null;
        }

        foreach (var problem in problems)
        {
            AuthFailures.Enqueue(problem);
        }

        return FakeResponse.File("robinhood", "error_unauthorized", 401);
    }

    private void RegisterDefaultRoutes()
    {
        On("GET", $"{Trading}/accounts/", FakeResponse.File("robinhood", "account"));
        On("GET", $"{Trading}/trading_pairs/", r => FakeResponse.File("robinhood", r.QueryValue("cursor") is null ? "trading_pairs_page1" : "trading_pairs_page2"));
        On("GET", $"{MarketData}/best_bid_ask/", FakeResponse.File("robinhood", "best_bid_ask"));
        On("GET", $"{MarketData}/estimated_price/", FakeResponse.File("robinhood", "estimated_price"));
        On("GET", $"{Trading}/holdings/", FakeResponse.File("robinhood", "holdings"));
        On("GET", $"{Trading}/orders/*", r => r.Path.Contains(OpenOrderId, StringComparison.Ordinal)
            ? FakeResponse.File("robinhood", "order_open")
            : r.Path.Contains(FilledOrderId, StringComparison.Ordinal)
                ? FakeResponse.File("robinhood", "order_filled_market")
                : FakeResponse.File("robinhood", "error_not_found", 404));
        On("GET", $"{Trading}/orders/", OrdersPage);
        On("POST", $"{Trading}/orders/*", r => r.Path.EndsWith("/cancel/", StringComparison.Ordinal) && r.Path.Contains(OpenOrderId, StringComparison.Ordinal)
            ? FakeResponse.Text(200, $"Cancel request was submitted for order {OpenOrderId}")
            : FakeResponse.File("robinhood", "error_not_found", 404));
        On("POST", $"{Trading}/orders/", Create);
    }

    /// <summary>The two recorded pages (cursor in <c>next</c>), filtered by <c>state</c> and <c>symbol</c> when given.</summary>
    private static FakeResponse OrdersPage(FakeRequest request)
    {
        var page = JsonNode.Parse(TestData.Read("robinhood", request.QueryValue("cursor") is null ? "orders_page1" : "orders_page2"))!;
        var results = page["results"]!.AsArray();
        foreach (var order in results.ToList())
        {
            if ((request.QueryValue("state") is { } state && (string?)order!["state"] != state)
                || (request.QueryValue("symbol") is { } symbol && (string?)order!["symbol"] != symbol))
            {
                results.Remove(order);
            }
        }

        if (page["next"] is not null)
        {
            // Like Robinhood, the next link keeps the request's filters and adds the cursor.
            var query = request.RawTarget.Contains('?', StringComparison.Ordinal) ? request.RawTarget[(request.RawTarget.IndexOf('?', StringComparison.Ordinal) + 1)..] + "&" : "";
            page["next"] = $"https://trading.robinhood.com{request.Path}?{query}cursor=b3JkZXJzLTI%3D";
        }

        return FakeResponse.Json(200, page.ToJsonString());
    }

    private static FakeResponse Create(FakeRequest request)
    {
        var body = JsonNode.Parse(request.Body)!.AsObject();
        var order = new JsonObject
        {
            ["id"] = CreatedOrderId,
            ["account_number"] = "5QR24141",
            ["symbol"] = (string?)body["symbol"],
            ["client_order_id"] = (string?)body["client_order_id"],
            ["side"] = (string?)body["side"],
            ["executions"] = new JsonArray(),
            ["type"] = (string?)body["type"],
            ["state"] = "open",
            ["average_price"] = null,
            ["filled_asset_quantity"] = "0",
            ["created_at"] = "2026-01-01T06:00:00.000000Z",
            ["updated_at"] = "2026-01-01T06:00:00.000000Z",
        };
        foreach (var config in (string[])["market_order_config", "limit_order_config"])
        {
            if (body[config] is { } terms)
            {
                order[config] = terms.DeepClone();
            }
        }

        return FakeResponse.Json(201, order.ToJsonString());
    }
}
