using System.Security.Cryptography;
using System.Text;

namespace TradingBot.DevHost.Http;

/// <summary>
/// The local key the HTTP front requires, sent like a function key: header <c>x-functions-key</c> or query parameter
/// <c>code</c>. A browser that opened a page with <c>?code=</c> gets an HttpOnly, SameSite=Strict session cookie (a
/// random id for this run, never the key), so the dashboard's own requests and assets are authorised too.
/// </summary>
public sealed class ApiKey(string key)
{
    public const string HeaderName = "x-functions-key";
    public const string QueryName = "code";
    public const string CookieName = "devhost-session";

    private readonly byte[] _key = Encoding.UTF8.GetBytes(key);

    public string Session { get; } = Convert.ToHexString(RandomNumberGenerator.GetBytes(24));

    /// <summary>A new random key (URL-safe, 32 characters).</summary>
    public static string Generate() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(24)).Replace('+', '-').Replace('/', '_');

    public bool Matches(string? candidate) =>
        candidate is not null && CryptographicOperations.FixedTimeEquals(_key, Encoding.UTF8.GetBytes(candidate));

    /// <summary>How <paramref name="request"/> authenticated: "header", "query", "cookie", or null when it did not.</summary>
    public string? Authenticate(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (Matches(request.Headers[HeaderName].FirstOrDefault()))
        {
            return "header";
        }

        if (Matches(request.Query[QueryName].FirstOrDefault()))
        {
            return "query";
        }

        return request.Cookies.TryGetValue(CookieName, out var session)
            && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(Session), Encoding.UTF8.GetBytes(session))
            ? "cookie"
            : null;
    }
}
