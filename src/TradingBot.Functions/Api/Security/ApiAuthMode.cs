namespace TradingBot.Functions.Api.Security;

/// <summary>How the API authenticates callers (setting <c>Api:Auth:Mode</c>). There is no open mode.</summary>
public enum ApiAuthMode
{
    /// <summary>
    /// The default. The caller sends a key as <c>x-functions-key</c> (or <c>?code=</c>, as function keys allow):
    /// <c>Api:Auth:Key</c> grants <c>viewer</c> and <c>trader</c>, <c>Api:Auth:ViewerKey</c> only <c>viewer</c>. With
    /// no key configured every protected route answers 401. The DevHost passes its printed key here.
    /// </summary>
    Key,

    /// <summary>
    /// Azure with Entra ID: App Service authentication signs the caller in and the app reads the roles from the
    /// <c>X-MS-CLIENT-PRINCIPAL</c> header it injects. Only safe with App Service authentication enabled (it strips that
    /// header from client requests), so the app refuses every principal unless the platform says it is enabled
    /// (<c>WEBSITE_AUTH_ENABLED=true</c>).
    /// </summary>
    AppService,
}
