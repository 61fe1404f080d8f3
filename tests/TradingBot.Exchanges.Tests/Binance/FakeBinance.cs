using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using TradingBot.Exchanges.Http;
using TradingBot.Testing;

namespace TradingBot.Exchanges.Tests.Binance;

/// <summary>
/// A local Binance spot REST fake on 127.0.0.1 (real Kestrel, port 0). It checks the API key header, the signature
/// over the exact bytes sent (HMAC-SHA256 hex or Ed25519 base64), the timestamp against recvWindow and the order
/// parameters, and answers with the recorded-shape JSON in TestData/binance. Tests can script one-off responses.
/// </summary>
internal sealed class FakeBinance : IAsyncDisposable
{
    public const string ApiKey = "fakeKey-Zq8Lw3Nd7Rt5Yp1Xc6Vb2Mh9Jk4";
    public const string Secret = "fakeSecret-Ha7Qe2Wn5Ux8Ro3Tl6Ys1Pd4Gf9Kc0";

    private readonly WebApplication _app;
    private readonly ConcurrentQueue<(string Key, Scripted Response)> _scripted = new();
    private readonly ConcurrentDictionary<string, string> _ordersByClientId = new(StringComparer.Ordinal);
    private readonly List<RecordedRequest> _requests = [];
    private readonly Lock _lock = new();
    private long _nextOrderId = 48210017733;

    private FakeBinance(WebApplication app, Func<DateTimeOffset> clock)
    {
        _app = app;
        Clock = clock;
    }

    public Uri Url { get; private set; } = null!;

    public Func<DateTimeOffset> Clock { get; }

    /// <summary>How far the fake server's clock is ahead of the client's.</summary>
    public TimeSpan ServerOffset { get; set; }

    /// <summary>The value sent in X-MBX-USED-WEIGHT-1m.</summary>
    public int UsedWeight { get; set; } = 10;

    /// <summary>When set, signatures are verified as Ed25519 with this public key instead of HMAC.</summary>
    public byte[]? Ed25519PublicKey { get; set; }

    public string RestrictionsFile { get; set; } = "apiRestrictions-trade-only.json";

    /// <summary>Every signature value the fake received (the secret scan looks for these in logs).</summary>
    public ConcurrentBag<string> Signatures { get; } = [];

    public IReadOnlyList<RecordedRequest> Requests
    {
        get
        {
            lock (_lock)
            {
                return [.. _requests];
            }
        }
    }

    public static async Task<FakeBinance> StartAsync(Func<DateTimeOffset> clock)
    {
        var app = LoopbackServer.CreateBuilder().Build();
        var fake = new FakeBinance(app, clock);
        app.Run(fake.HandleAsync);
        fake.Url = await LoopbackServer.StartAsync(app);
        return fake;
    }

    public static string Data(string file) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "TestData", "binance", file));

    /// <summary>The next request to <paramref name="method"/> <paramref name="path"/> gets this response instead.</summary>
    public void Script(string method, string path, int status, string body, params (string Name, string Value)[] headers) =>
        _scripted.Enqueue(($"{method} {path}", new Scripted(status, body, headers)));

    /// <summary>Makes the fake know an order with this client id (as if a POST reached the matching engine).</summary>
    public void Remember(string clientOrderId) =>
        _ordersByClientId[clientOrderId] = Data("order-get.json").Replace("\"bot1d0c\"", $"\"{clientOrderId}\"", StringComparison.Ordinal);

    public int Count(string method, string path) => Requests.Count(r => r.Method == method && r.Path == path);

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        using var reader = new StreamReader(request.Body, Encoding.UTF8);
        var body = await reader.ReadToEndAsync();
        var query = request.QueryString.HasValue ? request.QueryString.Value![1..] : "";
        var recorded = new RecordedRequest(request.Method, request.Path.Value ?? "", query, body,
            request.Headers.TryGetValue("X-MBX-APIKEY", out var key) ? key.ToString() : null, request.ContentType);
        lock (_lock)
        {
            _requests.Add(recorded);
        }

        context.Response.Headers["X-MBX-USED-WEIGHT-1m"] = UsedWeight.ToString(CultureInfo.InvariantCulture);
        var routeKey = $"{recorded.Method} {recorded.Path}";
        if (_scripted.TryPeek(out var next) && next.Key == routeKey && _scripted.TryDequeue(out next))
        {
            foreach (var (name, value) in next.Response.Headers)
            {
                context.Response.Headers[name] = value;
            }

            await Write(context, next.Response.Status, next.Response.Body);
            return;
        }

        var (status, json) = Route(recorded);
        await Write(context, status, json);
    }

    private (int Status, string Body) Route(RecordedRequest r)
    {
        switch (r.Method, r.Path)
        {
            case ("GET", "/api/v3/time"):
                return (200, $"{{\"serverTime\":{ServerNow().ToUnixTimeMilliseconds()}}}");
            case ("GET", "/api/v3/exchangeInfo"):
                return (200, Data("exchangeInfo.json"));
            case ("GET", "/api/v3/ticker/24hr"):
                return Require(r, "symbol") ?? (200, Data("ticker24hr.json"));
            case ("GET", "/api/v3/ticker/bookTicker"):
                return Require(r, "symbol") ?? (200, Data("bookTicker.json"));
            case ("GET", "/api/v3/depth"):
                return Require(r, "symbol", "limit") ?? (200, Data("depth.json"));
            case ("GET", "/api/v3/klines"):
                return Require(r, "symbol", "interval") ?? (200, Klines(r));
        }

        if (Authenticate(r) is { } failure)
        {
            return failure;
        }

        return (r.Method, r.Path) switch
        {
            ("GET", "/api/v3/account") => (200, Data("account.json")),
            ("GET", "/sapi/v1/account/apiRestrictions") => (200, Data(RestrictionsFile)),
            ("POST", "/api/v3/order") => PlaceOrder(r),
            ("GET", "/api/v3/order") => GetOrder(r),
            ("DELETE", "/api/v3/order") => Require(r, "symbol", "orderId") ?? (200, Data("order-cancel.json")),
            ("GET", "/api/v3/openOrders") => (200, Data("openOrders.json")),
            ("GET", "/api/v3/myTrades") => Require(r, "symbol") ?? (200, Data("myTrades.json")),
            _ => (404, "{\"code\":-1000,\"msg\":\"Unknown path.\"}"),
        };
    }

    private (int, string)? Authenticate(RecordedRequest r)
    {
        if (r.ApiKey != ApiKey)
        {
            return (401, "{\"code\":-2015,\"msg\":\"Invalid API-key, IP, or permissions for action.\"}");
        }

        var signed = r.Method == "POST" ? r.Body : r.Query;
        var at = signed.LastIndexOf("&signature=", StringComparison.Ordinal);
        if (at < 0)
        {
            return (400, "{\"code\":-1102,\"msg\":\"Mandatory parameter 'signature' was not sent, was empty/null, or malformed.\"}");
        }

        var payload = signed[..at];
        var signature = signed[(at + "&signature=".Length)..];
        Signatures.Add(signature);
        Signatures.Add(Uri.UnescapeDataString(signature));
        var valid = Ed25519PublicKey is { } publicKey
            ? Ed25519Key.Verify(publicKey, Encoding.UTF8.GetBytes(payload), Convert.FromBase64String(Uri.UnescapeDataString(signature)))
            : Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(Secret), Encoding.UTF8.GetBytes(payload))) == signature;
        if (!valid)
        {
            return (400, "{\"code\":-1022,\"msg\":\"Signature for this request is not valid.\"}");
        }

        var parameters = r.Parameters;
        var timestamp = long.Parse(parameters["timestamp"], CultureInfo.InvariantCulture);
        var window = long.Parse(parameters.GetValueOrDefault("recvWindow", "5000"), CultureInfo.InvariantCulture);
        var now = ServerNow().ToUnixTimeMilliseconds();
        return timestamp > now + 1000 || now - timestamp > window
            ? (400, "{\"code\":-1021,\"msg\":\"Timestamp for this request is outside of the recvWindow.\"}")
            : null;
    }

    private (int, string) PlaceOrder(RecordedRequest r)
    {
        if (Require(r, "symbol", "side", "type", "newClientOrderId", "newOrderRespType") is { } missing)
        {
            return missing;
        }

        var p = r.Parameters;
        if (!p.ContainsKey("quantity") && !p.ContainsKey("quoteOrderQty"))
        {
            return (400, "{\"code\":-1102,\"msg\":\"Param 'quantity' or 'quoteOrderQty' must be sent, but both were empty/null!\"}");
        }

        var clientId = p["newClientOrderId"];
        if (_ordersByClientId.TryGetValue(clientId, out var existing) && existing.Contains("\"NEW\"", StringComparison.Ordinal))
        {
            return (400, "{\"code\":-2010,\"msg\":\"Duplicate order sent.\"}");
        }

        var id = Interlocked.Increment(ref _nextOrderId);
        var json = p["type"] == "MARKET"
            ? Data("order-market-full.json").Replace("bot7f3a9c21e4d84b0c9a1e55d2c0f1a2b3", clientId, StringComparison.Ordinal)
                .Replace("48210017733", id.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
            : Data("order-get.json").Replace("\"bot1d0c\"", $"\"{clientId}\"", StringComparison.Ordinal)
                .Replace("48210019001", id.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
                .Replace("\"90000.00\"", $"\"{p.GetValueOrDefault("price", "0")}\"", StringComparison.Ordinal)
                .Replace("\"0.00100000\"", $"\"{p.GetValueOrDefault("quantity", "0")}\"", StringComparison.Ordinal)
                .Replace("\"LIMIT\"", $"\"{p["type"]}\"", StringComparison.Ordinal);
        _ordersByClientId[clientId] = json;
        return (200, json);
    }

    private (int, string) GetOrder(RecordedRequest r)
    {
        var p = r.Parameters;
        if (p.TryGetValue("origClientOrderId", out var clientId))
        {
            return _ordersByClientId.TryGetValue(clientId, out var json)
                ? (200, json)
                : (400, "{\"code\":-2013,\"msg\":\"Order does not exist.\"}");
        }

        return Require(r, "symbol", "orderId") ?? (200, Data("order-get.json"));
    }

    /// <summary>Hourly klines (or the recorded two when no start is given): open time from startTime, up to limit, not past now.</summary>
    private string Klines(RecordedRequest r)
    {
        var p = r.Parameters;
        if (!p.TryGetValue("startTime", out var startText))
        {
            return Data("klines.json");
        }

        var step = (long)TimeSpan.FromHours(1).TotalMilliseconds;
        var start = long.Parse(startText, CultureInfo.InvariantCulture);
        var first = (start + step - 1) / step * step;
        var limit = int.Parse(p.GetValueOrDefault("limit", "500"), CultureInfo.InvariantCulture);
        var now = ServerNow().ToUnixTimeMilliseconds();
        var rows = new List<string>();
        for (var t = first; t <= now && rows.Count < limit; t += step)
        {
            var price = 100m + (t / step % 50);
            rows.Add(string.Create(CultureInfo.InvariantCulture,
                $"[{t},\"{price}\",\"{price + 2}\",\"{price - 1}\",\"{price + 1}\",\"10.5\",{t + step - 1},\"1050\",7,\"5\",\"525\",\"0\"]"));
        }

        return "[" + string.Join(",", rows) + "]";
    }

    private static (int, string)? Require(RecordedRequest r, params string[] names)
    {
        var missing = names.FirstOrDefault(n => !r.Parameters.ContainsKey(n));
        return missing is null
            ? null
            : (400, $"{{\"code\":-1102,\"msg\":\"Mandatory parameter '{missing}' was not sent, was empty/null, or malformed.\"}}");
    }

    private DateTimeOffset ServerNow() => Clock() + ServerOffset;

    private static async Task Write(HttpContext context, int status, string body)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(body);
    }

    private sealed record Scripted(int Status, string Body, (string Name, string Value)[] Headers);
}

/// <summary>One request as the fake received it.</summary>
internal sealed record RecordedRequest(string Method, string Path, string Query, string Body, string? ApiKey, string? ContentType)
{
    /// <summary>Query (GET/DELETE) or body (POST) parameters, decoded.</summary>
    public Dictionary<string, string> Parameters
    {
        get
        {
            var text = Method == "POST" ? Body : Query;
            return text.Split('&', StringSplitOptions.RemoveEmptyEntries)
                .Select(pair => pair.Split('=', 2))
                .ToDictionary(kv => Uri.UnescapeDataString(kv[0]), kv => kv.Length > 1 ? Uri.UnescapeDataString(kv[1]) : "", StringComparer.Ordinal);
        }
    }
}
