using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using TradingBot.Core.Exchange;
using TradingBot.Exchanges.Coinbase;
using TradingBot.Exchanges.Http;
using TradingBot.Exchanges.Tests.Fakes;

namespace TradingBot.Exchanges.Tests.Coinbase;

public enum CoinbaseKeyKind
{
    EcPem,
    Ed25519Pem,
    Ed25519Base64,
}

/// <summary>
/// A local Coinbase Advanced Trade: answers the v3 brokerage endpoints with recorded payloads and checks every signed
/// request's JWT the way Coinbase does (signature against the registered public key, <c>kid</c>/<c>sub</c> = key name,
/// <c>iss</c> = cdp, <c>nbf</c> = now, <c>exp</c> = nbf + 120, <c>uri</c> = method, host and path, fresh nonce),
/// answering plain-text 401 <c>Unauthorized</c> otherwise. Public <c>/market/</c> calls must carry no JWT.
/// </summary>
internal sealed class CoinbaseFake : IAsyncDisposable
{
    public const string KeyName = "organizations/4f7c2e1a-0b9d-4a3e-8c6f-1d2e3f4a5b6c/apiKeys/7a8b9c0d-1e2f-4a3b-9c4d-5e6f7a8b9c0d";
    public const string Prefix = "/api/v3/brokerage";
    public const string OpenOrderId = "11111111-2222-4333-8444-555555555555";
    public const string FilledOrderId = "22222222-3333-4444-8555-666666666666";

    private readonly ECDsa? _ecKey;
    private readonly byte[]? _edPublicKey;
    private readonly HashSet<string> _nonces = [];

    private CoinbaseFake(VenueHost host, ECDsa? ecKey, byte[]? edPublicKey, string privateKey, bool credentials)
    {
        Host = host;
        _ecKey = ecKey;
        _edPublicKey = edPublicKey;
        PrivateKey = privateKey;
        if (credentials)
        {
            host.Settings["ApiKey"] = KeyName;
            host.Settings["ApiSecret"] = privateKey;
        }

        host.Server.Gate = Authenticate;
        RegisterDefaultRoutes();
    }

    public VenueHost Host { get; }

    public FakeVenueServer Server => Host.Server;

    public FakeTimeProvider Time => Host.Time;

    public CapturedLogs Logs => Host.Logs;

    /// <summary>The private key text given to the adapter as Venues:Coinbase:ApiSecret.</summary>
    public string PrivateKey { get; }

    /// <summary>The host the JWT's uri claim must name (default: the host the request was sent to).</summary>
    public string? ExpectedUriHost { get; set; }

    /// <summary>Every JWT the fake received.</summary>
    public ConcurrentQueue<string> Jwts { get; } = new();

    /// <summary>Why a request was refused (empty when every request authenticated).</summary>
    public ConcurrentQueue<string> AuthFailures { get; } = new();

    public CoinbaseExchange Exchange => Host.Exchange<CoinbaseExchange, CoinbaseOptions>(static (options, section) => options.Bind(section));

    public static async Task<CoinbaseFake> StartAsync(CoinbaseKeyKind kind = CoinbaseKeyKind.EcPem, bool credentials = true, VenueHttpSettings? http = null)
    {
        var host = await VenueHost.StartAsync(VenueIds.Coinbase, new DateTimeOffset(2026, 1, 1, 0, 2, 0, TimeSpan.Zero), http);
        switch (kind)
        {
            case CoinbaseKeyKind.EcPem:
                var ec = ECDsa.Create(ECCurve.NamedCurves.nistP256);
                return new CoinbaseFake(host, ec, null, ec.ExportECPrivateKeyPem(), credentials);
            case CoinbaseKeyKind.Ed25519Pem:
                var ed = Ed25519Key.Generate();
                return new CoinbaseFake(host, null, ed.PublicKey, ed.PrivateKeyPem(), credentials);
            default:
                var seed = RandomNumberGenerator.GetBytes(32);
                var key = Ed25519Key.FromSeed(seed);
                return new CoinbaseFake(host, null, key.PublicKey, Convert.ToBase64String([.. seed, .. key.PublicKey]), credentials);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Host.DisposeAsync();
        _ecKey?.Dispose();
    }

    public FakeVenueServer On(string method, string path, Func<FakeRequest, FakeResponse> handler) => Server.On(method, Prefix + path, handler);

    public FakeVenueServer On(string method, string path, FakeResponse response) => Server.On(method, Prefix + path, response);

    /// <summary>The JSON body of the first request to <paramref name="path"/>.</summary>
    public JsonNode Body(string method, string path) => JsonNode.Parse(Server.RequestsTo(method, Prefix + path)[0].Body)!;

    private FakeResponse? Authenticate(FakeRequest request)
    {
        var authorization = request.Header("Authorization");
        if (request.Path.StartsWith(Prefix + "/market/", StringComparison.Ordinal))
        {
            return authorization is null ? null : Refuse($"public {request.Path} carried credentials");
        }

        if (authorization is null || !authorization.StartsWith("Bearer ", StringComparison.Ordinal))
        {
            return Refuse($"{request.Method} {request.Path} had no bearer token");
        }

        var token = authorization["Bearer ".Length..];
        Jwts.Enqueue(token);
        CoinbaseJwt jwt;
        try
        {
            jwt = CoinbaseJwt.Parse(token);
        }
#pragma warning disable CA1031 // Any malformed token is a 401, as at the venue.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            return Refuse($"malformed JWT: {ex.GetType().Name}");
        }

        var now = Time.GetUtcNow().ToUnixTimeSeconds();
        var nbf = long.Parse(jwt.Claim("nbf"), CultureInfo.InvariantCulture);
        var problems = new List<string>();
        Check(_ecKey is not null ? jwt.VerifiesWith(_ecKey) : jwt.VerifiesWith(_edPublicKey!), "signature does not verify");
        Check(jwt.HeaderValue("alg") == (_ecKey is not null ? "ES256" : "EdDSA"), "wrong alg");
        Check(jwt.HeaderValue("typ") == "JWT", "wrong typ");
        Check(jwt.HeaderValue("kid") == KeyName, "wrong kid");
        Check(jwt.HeaderValue("nonce") is { Length: 64 } nonce && nonce.All(char.IsAsciiHexDigitLower), "nonce is not 64 lower-case hex digits");
        Check(jwt.Claim("sub") == KeyName, "wrong sub");
        Check(jwt.Claim("iss") == "cdp", "wrong iss");
        Check(nbf <= now && now - nbf < 5, "nbf is not now");
        Check(long.Parse(jwt.Claim("exp"), CultureInfo.InvariantCulture) == nbf + 120, "exp is not nbf + 120");
        Check(jwt.Claim("uri") == $"{request.Method} {ExpectedUriHost ?? request.Host}{request.Path}", $"uri '{jwt.Claim("uri")}' does not name this request");
        lock (_nonces)
        {
            Check(_nonces.Add(jwt.HeaderValue("nonce")), "nonce reused");
        }

        return problems.Count == 0 ? null : Refuse(string.Join("; ", problems));

        void Check(bool ok, string problem)
        {
            if (!ok)
            {
                problems.Add(problem);
            }
        }
    }

    private FakeResponse Refuse(string reason)
    {
        AuthFailures.Enqueue(reason);
        return FakeResponse.Text(401, "Unauthorized");
    }

    private void RegisterDefaultRoutes()
    {
        On("GET", "/market/products", FakeResponse.File("coinbase", "products"));
        On("GET", "/transaction_summary", FakeResponse.File("coinbase", "transaction_summary"));
        On("GET", "/market/products/*", request => request.Path.EndsWith("/ticker", StringComparison.Ordinal)
            ? FakeResponse.File("coinbase", "ticker")
            : request.Path.EndsWith("/candles", StringComparison.Ordinal)
                ? GeneratedCandles(request)
                : FakeResponse.Json(404, """{"error":"NOT_FOUND","message":"product not found"}"""));
        On("GET", "/best_bid_ask", FakeResponse.File("coinbase", "best_bid_ask"));
        On("GET", "/market/product_book", FakeResponse.File("coinbase", "product_book"));
        On("GET", "/accounts", request => FakeResponse.File("coinbase", request.QueryValue("cursor") == "page-2-cursor" ? "accounts_page2" : "accounts_page1"));
        On("GET", "/orders/historical/*", request => request.Path.EndsWith(FilledOrderId, StringComparison.Ordinal)
            ? FakeResponse.File("coinbase", "order_market_filled")
            : request.Path.EndsWith(OpenOrderId, StringComparison.Ordinal)
                ? FakeResponse.File("coinbase", "order_open")
                : FakeResponse.File("coinbase", "error_not_found", 404));
        On("GET", "/orders/historical/batch", request => FakeResponse.File("coinbase", request.QueryValue("cursor") == "orders-page-2" ? "orders_page2" : "orders_page1"));
        On("GET", "/orders/historical/fills", request => FakeResponse.File("coinbase", request.QueryValue("cursor") == "fills-page-2" ? "fills_page2" : "fills_page1"));
        On("POST", "/orders", request =>
        {
            var body = JsonNode.Parse(request.Body)!;
            return FakeResponse.Json(200, $$"""
                {"success":true,"success_response":{"order_id":"{{OpenOrderId}}","product_id":"{{body["product_id"]}}","side":"{{body["side"]}}",
                 "client_order_id":"{{body["client_order_id"]}}"},"order_configuration":{{body["order_configuration"]!.ToJsonString()}}}
                """);
        });
        On("POST", "/orders/batch_cancel", FakeResponse.File("coinbase", "cancel_success"));
    }

    /// <summary>One candle per bucket of the requested window, newest first, like Coinbase (prices encode the bucket time).</summary>
    private static FakeResponse GeneratedCandles(FakeRequest request)
    {
        var step = request.QueryValue("granularity") switch
        {
            "ONE_MINUTE" => 60,
            "FIVE_MINUTE" => 300,
            "ONE_HOUR" => 3600,
            "ONE_DAY" => 86400,
            var other => throw new InvalidOperationException($"the fake does not generate {other} candles"),
        };
        var start = long.Parse(request.QueryValue("start")!, CultureInfo.InvariantCulture);
        var end = long.Parse(request.QueryValue("end")!, CultureInfo.InvariantCulture);
        if ((end - start) / step >= 300)
        {
            return FakeResponse.File("coinbase", "error_invalid_argument", 400);
        }

        var candles = new List<string>();
        for (var t = start - (start % step) + (start % step == 0 ? 0 : step); t <= end; t += step)
        {
            var price = (t / step % 1000) + 1000;
            candles.Insert(0, $$"""{"start":"{{t}}","low":"{{price - 1}}","high":"{{price + 1}}","open":"{{price}}","close":"{{price}}.5","volume":"1.25"}""");
        }

        return FakeResponse.Json(200, $$"""{"candles":[{{string.Join(",", candles)}}]}""");
    }
}
