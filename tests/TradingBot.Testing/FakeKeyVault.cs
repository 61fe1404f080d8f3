using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace TradingBot.Testing;

/// <summary>
/// A local HTTPS Key Vault speaking the secrets REST API the SDK uses (stack-notes.md §3): an in-memory self-signed
/// certificate, the bearer challenge flow (401 + <c>WWW-Authenticate</c> first, then <c>Bearer fake-token</c>),
/// GET latest/by version, PUT (new version) and the 404 <c>SecretNotFound</c> error. Clients must set
/// <c>DisableChallengeResourceVerification</c> and trust <see cref="Certificate"/> (see <see cref="CreateHandler"/>).
/// </summary>
public sealed class FakeKeyVault : IAsyncDisposable
{
    public const string Token = "fake-token";
    public const string TenantId = "72f988bf-86f1-41af-91ab-2d7cd011db47";

    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, List<(string Version, string Value)>> _secrets = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentQueue<string> _requests = new();

    private FakeKeyVault(WebApplication app, X509Certificate2 certificate)
    {
        _app = app;
        Certificate = certificate;
    }

    public X509Certificate2 Certificate { get; }

    public Uri VaultUri { get; private set; } = null!;

    /// <summary>"METHOD /path auth=yes|no" per request (never a secret value).</summary>
    public IReadOnlyList<string> Requests => [.. _requests];

    /// <summary>Current value of every secret.</summary>
    public IReadOnlyDictionary<string, string> Secrets => _secrets.ToDictionary(kv => kv.Key, kv => kv.Value[^1].Value, StringComparer.OrdinalIgnoreCase);

    public static async Task<FakeKeyVault> StartAsync()
    {
        var certificate = CreateCertificate();
        var app = LoopbackServer.CreateBuilder(listen => listen.UseHttps(certificate)).Build();
        var vault = new FakeKeyVault(app, certificate);
        app.MapMethods("/secrets/{name}/{version?}", ["GET"], (HttpContext http, string name, string? version) => vault.Get(http, name, version));
        app.MapPut("/secrets/{name}", (HttpContext http, string name) => vault.PutAsync(http, name));
        vault.VaultUri = await LoopbackServer.StartAsync(app);
        return vault;
    }

    /// <summary>Sets a secret directly (a new version), as an operator would in the portal.</summary>
    public string Set(string name, string value)
    {
        var version = Guid.NewGuid().ToString("N");
        _secrets.AddOrUpdate(name, _ => [(version, value)], (_, list) =>
        {
            lock (list)
            {
                list.Add((version, value));
            }

            return list;
        });
        return version;
    }

    /// <summary>An HTTP handler that trusts exactly this vault's certificate (by thumbprint).</summary>
    public HttpClientHandler CreateHandler() => new()
    {
        ServerCertificateCustomValidationCallback = (_, cert, _, _) => cert is not null && cert.Thumbprint == Certificate.Thumbprint,
    };

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        Certificate.Dispose();
    }

    private IResult Get(HttpContext http, string name, string? version)
    {
        if (Challenge(http) is { } challenge)
        {
            return challenge;
        }

        if (!_secrets.TryGetValue(name, out var versions))
        {
            return NotFound(name);
        }

        lock (versions)
        {
            var match = version is null ? versions[^1] : versions.FirstOrDefault(v => v.Version == version);
            return match.Version is null ? NotFound(name) : Secret(name, match.Version, match.Value);
        }
    }

    private async Task<IResult> PutAsync(HttpContext http, string name)
    {
        if (Challenge(http) is { } challenge)
        {
            return challenge;
        }

        using var body = await JsonDocument.ParseAsync(http.Request.Body);
        var value = body.RootElement.GetProperty("value").GetString() ?? "";
        return Secret(name, Set(name, value), value);
    }

    private IResult? Challenge(HttpContext http)
    {
        var authorization = http.Request.Headers.Authorization.ToString();
        _requests.Enqueue($"{http.Request.Method} {http.Request.Path} auth={(authorization.Length > 0 ? "yes" : "no")}");
        if (authorization == "Bearer " + Token)
        {
            return null;
        }

        http.Response.Headers.WWWAuthenticate =
            $"Bearer authorization=\"https://login.microsoftonline.com/{TenantId}\", resource=\"https://vault.azure.net\"";
        return Results.Json(new { error = new { code = "Unauthorized", message = "AKV10000: Request is missing a Bearer or PoP token." } }, statusCode: 401);
    }

    private IResult Secret(string name, string version, string value) =>
        Results.Json(new { value, id = $"{VaultUri}secrets/{name}/{version}", attributes = new { enabled = true } });

    private static IResult NotFound(string name) =>
        Results.Json(new { error = new { code = "SecretNotFound", message = $"A secret with (name/id) {name} was not found in this key vault." } }, statusCode: 404);

    private static X509Certificate2 CreateCertificate()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=127.0.0.1", key, HashAlgorithmName.SHA256);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        names.AddDnsName("localhost");
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], false));
        var now = TimeProvider.System.GetUtcNow();
        using var created = request.CreateSelfSigned(now.AddMinutes(-5), now.AddDays(1));
        return X509CertificateLoader.LoadPkcs12(created.Export(X509ContentType.Pfx), null);
    }
}
