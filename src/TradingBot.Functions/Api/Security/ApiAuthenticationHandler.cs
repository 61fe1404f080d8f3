using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace TradingBot.Functions.Api.Security;

/// <summary>
/// Authenticates API callers by <see cref="ApiAuthOptions.Mode"/>: a key compared in constant time, or the App Service
/// principal's roles. Unauthenticated → 401, authenticated without the role → 403, both as ProblemDetails. Keys are
/// never logged, echoed or part of a failure message.
/// </summary>
public sealed class ApiAuthenticationHandler(IOptionsMonitor<AuthenticationSchemeOptions> schemes, ILoggerFactory logger, UrlEncoder encoder,
    IOptionsMonitor<ApiAuthOptions> auth, IConfiguration configuration)
    : AuthenticationHandler<AuthenticationSchemeOptions>(schemes, logger, encoder)
{
    public const string SchemeName = "TradingBotApi";

    /// <summary>Injected by App Service (and read by the Functions host) when App Service authentication is enabled.</summary>
    public const string PlatformAuthSetting = "WEBSITE_AUTH_ENABLED";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var options = auth.CurrentValue;
        return Task.FromResult(options.Mode == ApiAuthMode.AppService ? FromPrincipal() : FromKey(options));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        var result = await HandleAuthenticateOnceSafeAsync();
        var detail = result.Failure?.Message ?? (auth.CurrentValue.Mode == ApiAuthMode.AppService
            ? "Sign in: this route needs an App Service authentication principal."
            : $"Send the API key in the {ApiRoles.KeyHeader} header.");
        Response.Headers.WWWAuthenticate = auth.CurrentValue.Mode == ApiAuthMode.AppService ? "Bearer" : "FunctionKey";
        await WriteProblemAsync(StatusCodes.Status401Unauthorized, "Unauthorized", detail);
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        WriteProblemAsync(StatusCodes.Status403Forbidden, "Forbidden", "Your role does not allow this route (reads need viewer, changes need trader).");

    private AuthenticateResult FromKey(ApiAuthOptions options)
    {
        var presented = Request.Headers[ApiRoles.KeyHeader].FirstOrDefault() ?? Request.Query[ApiRoles.KeyQuery].FirstOrDefault();
        if (string.IsNullOrEmpty(presented))
        {
            return AuthenticateResult.NoResult();
        }

        var key = Usable(options.Key);
        var viewerKey = Usable(options.ViewerKey);
        if (key is null && viewerKey is null)
        {
            return AuthenticateResult.Fail(ApiAuthOptions.IsUnresolvedReference(options.Key) || ApiAuthOptions.IsUnresolvedReference(options.ViewerKey)
                ? "The API key settings are Key Vault references the platform could not resolve (secret missing or unreadable), so no key is accepted."
                : "No API key is configured (Api:Auth:Key), so no key is accepted.");
        }

        string[]? roles = Matches(presented, key) ? [ApiRoles.Viewer, ApiRoles.Trader]
            : Matches(presented, viewerKey) ? [ApiRoles.Viewer]
            : null;
        if (roles is null)
        {
            return AuthenticateResult.Fail("The API key is not valid.");
        }

        var identity = new ClaimsIdentity(SchemeName, ClaimTypes.Name, ClaimTypes.Role);
        identity.AddClaim(new Claim(ClaimTypes.Name, roles.Length == 2 ? "key" : "viewer-key"));
        identity.AddClaims(roles.Select(r => new Claim(ClaimTypes.Role, r)));
        return Success(identity);
    }

    private AuthenticateResult FromPrincipal()
    {
        var header = Request.Headers[ApiRoles.PrincipalHeader].FirstOrDefault();
        if (string.IsNullOrEmpty(header))
        {
            return AuthenticateResult.NoResult();
        }

        if (!bool.TryParse(configuration[PlatformAuthSetting], out var enabled) || !enabled)
        {
            // Without App Service authentication nothing strips a client-sent principal header: it would be forged.
            return AuthenticateResult.Fail($"App Service authentication is not enabled on this app ({PlatformAuthSetting} is not true), so {ApiRoles.PrincipalHeader} is not trusted.");
        }

        var identity = ClientPrincipal.Parse(header, SchemeName, out var error);
        if (identity is null)
        {
            return AuthenticateResult.Fail($"Invalid {ApiRoles.PrincipalHeader}: {error}.");
        }

        if (identity.Name is null && Request.Headers["X-MS-CLIENT-PRINCIPAL-NAME"].FirstOrDefault() is { Length: > 0 } name)
        {
            identity.AddClaim(new Claim(ClaimTypes.Name, name));
        }

        if (identity.HasClaim(ClaimTypes.Role, ApiRoles.Trader) && !identity.HasClaim(ClaimTypes.Role, ApiRoles.Viewer))
        {
            identity.AddClaim(new Claim(ClaimTypes.Role, ApiRoles.Viewer));
        }

        return Success(identity);
    }

    private static AuthenticateResult Success(ClaimsIdentity identity) =>
        AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));

    /// <summary>A configured key, or null when it is unset or an unresolved Key Vault reference (whose text is public).</summary>
    private static string? Usable(string? key) => string.IsNullOrEmpty(key) || ApiAuthOptions.IsUnresolvedReference(key) ? null : key;

    /// <summary>Constant-time comparison of SHA-256 digests (no early exit, no length leak).</summary>
    private static bool Matches(string presented, string? expected) =>
        !string.IsNullOrEmpty(expected)
        && CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(presented)), SHA256.HashData(Encoding.UTF8.GetBytes(expected)));

    private async Task WriteProblemAsync(int status, string title, string detail)
    {
        Response.StatusCode = status;
        var problems = Context.RequestServices.GetRequiredService<IProblemDetailsService>();
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = Context,
            ProblemDetails = { Status = status, Title = title, Detail = detail },
        });
    }
}
