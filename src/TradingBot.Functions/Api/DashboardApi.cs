using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.FileProviders;
using Microsoft.Net.Http.Headers;
using TradingBot.Backtesting.Reports;

namespace TradingBot.Functions.Api;

/// <summary>
/// The dashboard at <c>/</c>: static files from <c>wwwroot</c> next to the app's dll (wherever the host starts it), the
/// chart library from the build's npm package at <c>/lib/lightweight-charts.js</c> (no CDN), and a strict
/// Content-Security-Policy: scripts, styles and requests from this origin only. The page holds no data: every
/// number comes from the API with the key the user typed in.
/// </summary>
public static class DashboardApi
{
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; style-src-attr 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; frame-src 'self' blob:; "
        + "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    public static IFileProvider WebRoot { get; } = new PhysicalFileProvider(Path.Combine(AppContext.BaseDirectory, "wwwroot"));

    private static readonly string ChartLibraryETag = "\"" + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(ChartLibrary.Script)))[..16] + "\"";

    public static WebApplication UseDashboard(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.Use(async (context, next) =>
        {
            if (!context.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase))
            {
                context.Response.Headers.ContentSecurityPolicy = ContentSecurityPolicy;
            }

            context.Response.Headers.XContentTypeOptions = "nosniff";
            context.Response.Headers["Referrer-Policy"] = "no-referrer";
            await next(context);
        });
        app.UseDefaultFiles(new DefaultFilesOptions { FileProvider = WebRoot });
        app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = WebRoot,
            OnPrepareResponse = c => c.Context.Response.Headers.CacheControl = "no-cache",
        });
        app.MapGet("/lib/lightweight-charts.js", (HttpContext http) =>
        {
            http.Response.Headers.ETag = ChartLibraryETag;
            http.Response.Headers.CacheControl = "public, max-age=3600";
            return Results.Text(ChartLibrary.Script, "text/javascript; charset=utf-8");
        }).ExcludeFromDescription();
        app.MapGet("/lib/lightweight-charts.LICENSE", () => Results.Text(ChartLibrary.License, "text/plain; charset=utf-8")).ExcludeFromDescription();
        return app;
    }

    /// <summary>API answers are never cached by browsers or proxies (they carry account data).</summary>
    public static void NoStore(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Response.Headers[HeaderNames.CacheControl] = "no-store";
    }
}
