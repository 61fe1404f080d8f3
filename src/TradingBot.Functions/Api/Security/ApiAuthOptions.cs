namespace TradingBot.Functions.Api.Security;

/// <summary>Section <c>Api:Auth</c>: the authentication mode and, in <see cref="ApiAuthMode.Key"/> mode, the keys (secrets: never logged or returned).</summary>
public sealed class ApiAuthOptions
{
    public const string Section = "Api:Auth";

    public ApiAuthMode Mode { get; set; } = ApiAuthMode.Key;

    /// <summary>Grants <c>viewer</c> and <c>trader</c>. Falls back to <c>DevHost:ApiKey</c> (the DevHost's printed key) when unset.</summary>
    public string? Key { get; set; }

    /// <summary>Grants <c>viewer</c> only (read-only dashboards and scripts).</summary>
    public string? ViewerKey { get; set; }

    /// <summary>
    /// Whether <paramref name="value"/> is an App Service Key Vault reference the platform could not resolve (the secret
    /// is missing or unreadable): the app then receives the reference text itself, which is no key and must never match.
    /// </summary>
    public static bool IsUnresolvedReference(string? value) =>
        value is not null && value.TrimStart().StartsWith("@Microsoft.KeyVault(", StringComparison.OrdinalIgnoreCase);
}
