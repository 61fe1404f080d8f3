using System.Text;
using Microsoft.AspNetCore.Http.Extensions;
using TradingBot.DevHost.Handler;
using TradingBot.DevHost.Protocol;

namespace TradingBot.DevHost.Http;

/// <summary>
/// The DevHost's HTTP front on 127.0.0.1 (§1.7, §7.7), standing in for the Functions host and the platform in front of
/// it: every request except <c>GET /api/health</c> needs the local key (<see cref="ApiKey"/>); <c>/admin/…</c> are the
/// host's own endpoints (status, dead letters, manual timer runs); everything else is matched against the HTTP
/// functions' routes under the route prefix. A function with exactly one httpTrigger and one http output is forwarded
/// raw to the handler when host.json enables forwarding (same path and query, all headers plus the host's invocation
/// headers and the front end's <c>X-Forwarded-*</c>, the body; the handler's answer goes back unchanged); any other
/// HTTP function gets a JSON payload and its <c>http</c> output becomes the response.
/// </summary>
public static class FrontEnd
{
    public const string HealthPath = "/api/health";

    private static readonly HashSet<string> HopByHop = new(StringComparer.OrdinalIgnoreCase)
    {
        "Connection", "Keep-Alive", "Transfer-Encoding", "Upgrade", "Proxy-Connection", "TE", "Trailer",
    };

    public static WebApplication Build(HostComponents host, int port, Action<ILoggingBuilder> logging)
    {
        ArgumentNullException.ThrowIfNull(host);
        ArgumentNullException.ThrowIfNull(logging);
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(k => k.Listen(System.Net.IPAddress.Loopback, port));
        logging(builder.Logging);
        var app = builder.Build();
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("TradingBot.DevHost.Front");
        var routes = host.App.Functions.Where(f => f.Trigger.Type.Equals("httpTrigger", StringComparison.OrdinalIgnoreCase))
            .Select(f => new FunctionRoute(f, host.App.Host.RoutePrefix))
            .OrderBy(r => r.Precedence)
            .ToList();
        var forwarder = new HttpClient(new SocketsHttpHandler { UseCookies = false, AllowAutoRedirect = false, AutomaticDecompression = System.Net.DecompressionMethods.None })
        {
            Timeout = Timeout.InfiniteTimeSpan,
        };
        app.Lifetime.ApplicationStopped.Register(forwarder.Dispose);
        app.Use(async (context, next) =>
        {
            if (IsAnonymous(context.Request))
            {
                await next(context);
                return;
            }

            var how = host.Key.Authenticate(context.Request);
            if (how is null)
            {
                context.Response.StatusCode = StatusCodes.Status401Unauthorized;
                await context.Response.WriteAsJsonAsync(new
                {
                    error = "unauthorized",
                    detail = $"Send the DevHost key (printed at start; setting DevHost:ApiKey) in the {ApiKey.HeaderName} header or the {ApiKey.QueryName} query parameter.",
                });
                return;
            }

            if (how == "query")
            {
                context.Response.Cookies.Append(ApiKey.CookieName, host.Key.Session,
                    new CookieOptions { HttpOnly = true, SameSite = SameSiteMode.Strict, Path = "/", IsEssential = true });
            }

            await next(context);
        });
        AdminEndpoints.Map(app, host);
        app.Map("{**path}", (HttpContext context) => DispatchAsync(context, host, routes, forwarder, logger)).WithOrder(int.MaxValue);
        return app;
    }

    private static bool IsAnonymous(HttpRequest request) =>
        (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method))
        && string.Equals(request.Path.Value?.TrimEnd('/'), HealthPath, StringComparison.OrdinalIgnoreCase);

    private static async Task DispatchAsync(HttpContext context, HostComponents host, IReadOnlyList<FunctionRoute> routes, HttpClient forwarder,
        ILogger logger)
    {
        foreach (var route in routes)
        {
            if (!route.TryMatch(context.Request.Path, context.Request.Method, out var values))
            {
                continue;
            }

            if (host.App.Host.EnableForwardingHttpRequest && route.Function.IsHttpInAndOut)
            {
                await ForwardAsync(context, host, forwarder);
            }
            else
            {
                await InvokeAsync(context, host, route, values);
            }

            if (logger.IsEnabled(LogLevel.Debug))
            {
                Log.FrontRequest(logger, context.Request.Method, context.Request.Path.Value ?? "/", context.Response.StatusCode);
            }

            return;
        }

        context.Response.StatusCode = StatusCodes.Status404NotFound;
    }

    private static async Task ForwardAsync(HttpContext context, HostComponents host, HttpClient forwarder)
    {
        var ct = context.RequestAborted;
        Uri address;
        try
        {
            address = await host.Handler.Ready.WaitAsync(ct);
        }
        catch (InvalidOperationException ex)
        {
            context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            await context.Response.WriteAsJsonAsync(new { error = "handler unavailable", detail = ex.Message }, ct);
            return;
        }

        var request = context.Request;
        using var message = new HttpRequestMessage(new HttpMethod(request.Method), new Uri(address, request.Path.ToUriComponent() + request.QueryString));
        if (request.ContentLength > 0 || request.Headers.TransferEncoding.Count > 0)
        {
            message.Content = new StreamContent(request.Body);
        }

        foreach (var (name, values) in request.Headers)
        {
            var copied = name.Equals("Cookie", StringComparison.OrdinalIgnoreCase) ? WithoutSession(values) : values.ToArray();
            if (copied.Length > 0 && !message.Headers.TryAddWithoutValidation(name, copied))
            {
                message.Content?.Headers.TryAddWithoutValidation(name, copied);
            }
        }

        // What the platform's front end adds (so the handler can tell a forwarded public request from a host invocation).
        message.Headers.TryAddWithoutValidation("X-Forwarded-For", context.Connection.RemoteIpAddress?.ToString() ?? "127.0.0.1");
        message.Headers.TryAddWithoutValidation("X-Forwarded-Proto", request.Scheme);
        message.Headers.TryAddWithoutValidation("X-Forwarded-Host", request.Host.Value);
        message.Headers.Remove("X-Azure-Functions-InvocationId");
        message.Headers.TryAddWithoutValidation("X-Azure-Functions-InvocationId", Guid.NewGuid().ToString());
        message.Headers.Remove("X-Azure-Functions-HostVersion");
        message.Headers.TryAddWithoutValidation("X-Azure-Functions-HostVersion", FunctionInvoker.HostVersion);
        HttpResponseMessage response;
        try
        {
            response = await forwarder.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, ct);
        }
        catch (HttpRequestException ex)
        {
            context.Response.StatusCode = StatusCodes.Status502BadGateway;
            await context.Response.WriteAsJsonAsync(new { error = "handler unreachable", detail = ex.Message }, ct);
            return;
        }

        using (response)
        {
            context.Response.StatusCode = (int)response.StatusCode;
            foreach (var (name, values) in response.Headers.Concat(response.Content.Headers))
            {
                if (!HopByHop.Contains(name))
                {
                    context.Response.Headers[name] = values.ToArray();
                }
            }

            await using var body = await response.Content.ReadAsStreamAsync(ct);
            await body.CopyToAsync(context.Response.Body, ct);
        }
    }

    private static async Task InvokeAsync(HttpContext context, HostComponents host, FunctionRoute route, RouteValueDictionary values)
    {
        var request = context.Request;
        var binary = request.ContentType is { } type
            && (type.StartsWith("application/octet-stream", StringComparison.OrdinalIgnoreCase) || type.StartsWith("multipart/", StringComparison.OrdinalIgnoreCase));
        string? body = null;
        if (request.ContentLength > 0 || request.Headers.TransferEncoding.Count > 0)
        {
            using var buffer = new MemoryStream();
            await request.Body.CopyToAsync(buffer, context.RequestAborted);
            body = binary ? Convert.ToBase64String(buffer.ToArray()) : Encoding.UTF8.GetString(buffer.ToArray());
        }

        var data = new HttpRequestData(request.GetDisplayUrl(), request.Method)
        {
            Query = [.. request.Query.Select(q => KeyValuePair.Create(q.Key, q.Value.ToString()))],
            Headers = [.. request.Headers.Where(h => !h.Key.Equals("Cookie", StringComparison.OrdinalIgnoreCase))
                .Select(h => KeyValuePair.Create(h.Key, (IReadOnlyList<string>)[.. h.Value.Select(v => v ?? "")]))],
            RouteValues = [.. values.Select(v => KeyValuePair.Create(v.Key, Convert.ToString(v.Value, System.Globalization.CultureInfo.InvariantCulture) ?? ""))],
            Body = body,
            AuthLevel = (route.Function.Trigger.Text("authLevel") ?? "function").ToLowerInvariant() switch
            {
                "anonymous" => null,
                "admin" => "Admin",
                _ => "Function",
            },
        };
        var function = route.Function;
        var payload = InvocationPayloads.Http(function.Name, function.Trigger.Name, data, host.Clock.GetUtcNow(), Guid.NewGuid());
        InvocationReply reply;
        try
        {
            reply = await host.Invoker.InvokeAsync(function.Name, payload, context.RequestAborted);
            host.Outputs.Write(function, reply);
        }
        catch (InvocationFailedException ex)
        {
            context.Response.StatusCode = StatusCodes.Status500InternalServerError;
            await context.Response.WriteAsJsonAsync(new { error = "function invocation failed", detail = ex.Message }, context.RequestAborted);
            return;
        }

        var http = function.Outputs.FirstOrDefault(b => b.Type.Equals("http", StringComparison.OrdinalIgnoreCase));
        var value = http is null ? null : http.Name == "$return" ? reply.ReturnValue : reply.Outputs.TryGetValue(http.Name, out var output) ? output : null;
        if (value is not { } present)
        {
            context.Response.StatusCode = StatusCodes.Status204NoContent;
            return;
        }

        var result = HttpOutput.From(present);
        context.Response.StatusCode = result.StatusCode;
        context.Response.ContentType = result.ContentType;
        foreach (var (name, text) in result.Headers)
        {
            context.Response.Headers[name] = text;
        }

        await context.Response.Body.WriteAsync(result.Body, context.RequestAborted);
    }

    private static string[] WithoutSession(Microsoft.Extensions.Primitives.StringValues values)
    {
        var cookies = string.Join("; ", values.SelectMany(v => (v ?? "").Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            .Where(c => !c.StartsWith(ApiKey.CookieName + "=", StringComparison.Ordinal)));
        return cookies.Length == 0 ? [] : [cookies];
    }
}
