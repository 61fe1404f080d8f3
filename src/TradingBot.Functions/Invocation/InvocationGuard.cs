using System.Net;

namespace TradingBot.Functions.Invocation;

/// <summary>
/// Function endpoints (<c>POST /{FunctionName}</c>) must only be reachable by the Functions host over loopback.
/// With <c>routePrefix: ""</c> the catch-all <c>Http</c> function forwards <i>public</i> requests to the same server,
/// so a public <c>POST /ExecuteOrders</c> would otherwise reach a function endpoint. Forwarded requests keep the
/// public request's headers (front ends add <c>X-Forwarded-For</c>, <c>X-ARR-LOG-ID</c>, <c>DISGUISED-HOST</c>,
/// <c>X-Original-URL</c>...) or a public <c>Host</c>; invocations from the host carry none of them and a loopback
/// <c>Host</c>. Anything else gets 404.
/// </summary>
public static class InvocationGuard
{
    private static readonly string[] ForwardingHeaders =
    [
        "X-Forwarded-For", "X-Forwarded-Host", "X-Forwarded-Proto", "X-Original-URL", "X-Original-Host", "X-ARR-LOG-ID",
        "X-ARR-SSL", "DISGUISED-HOST", "X-WAWS-Unencoded-URL", "X-Site-Deployment-Id", "CLIENT-IP", "X-MS-CLIENT-PRINCIPAL",
    ];

    public static bool IsHostInvocation(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (ForwardingHeaders.Any(h => request.Headers.ContainsKey(h)))
        {
            return false;
        }

        var host = request.Host.Host;
        return string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase)
            || (IPAddress.TryParse(host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address));
    }
}
