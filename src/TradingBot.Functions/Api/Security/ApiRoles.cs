namespace TradingBot.Functions.Api.Security;

/// <summary>The API's roles (App Service app roles in Azure; implied by the key locally) and the policies named after them.</summary>
public static class ApiRoles
{
    /// <summary>Reads: portfolio, orders, fills, signals, risk state, candles, backtest results, poison records.</summary>
    public const string Viewer = "viewer";

    /// <summary>Changes: strategies, the kill switch, order cancels, backtest runs. A trader can also read.</summary>
    public const string Trader = "trader";

    public const string KeyHeader = "x-functions-key";
    public const string KeyQuery = "code";
    public const string PrincipalHeader = "X-MS-CLIENT-PRINCIPAL";
}
