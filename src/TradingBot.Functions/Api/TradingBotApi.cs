using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Microsoft.OpenApi;
using Scalar.AspNetCore;
using TradingBot.Functions.Api.Live;
using TradingBot.Functions.Api.Security;
using TradingBot.Functions.Invocation;
using TradingBot.Functions.Notifications;

namespace TradingBot.Functions.Api;

/// <summary>
/// Wiring of the REST API, live events, notifications and the dashboard (all served through the forwarded catch-all
/// <c>Http</c> function). Every <c>/api</c> route except <c>/api/health</c> requires a role; a convention test checks it.
/// </summary>
public static class TradingBotApi
{
    public const string DocumentName = "v1";

    /// <summary>The interactive API reference (Scalar).</summary>
    public const string DocsPath = "/api/docs";

    public static WebApplicationBuilder AddTradingBotApi(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddOptions<ApiOptions>().BindConfiguration(ApiOptions.Section).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ApiOptions>, ApiOptionsValidator>());
        services.AddOptions<ApiAuthOptions>().BindConfiguration(ApiAuthOptions.Section)
            .PostConfigure<IConfiguration>((o, configuration) => o.Key = string.IsNullOrEmpty(o.Key) ? configuration["DevHost:ApiKey"] : o.Key);
        services.AddOptions<NotificationOptions>().BindConfiguration(NotificationOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<NotificationOptions>, NotificationOptionsValidator>();
        services.ConfigureHttpJsonOptions(o => ApiJson.Configure(o.SerializerOptions));
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.AddProblemDetails();
        services.AddExceptionHandler<ApiExceptionHandler>();
        services.AddAuthentication(ApiAuthenticationHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, ApiAuthenticationHandler>(ApiAuthenticationHandler.SchemeName, null);
        services.AddAuthorizationBuilder()
            .AddPolicy(ApiRoles.Viewer, p => p.RequireRole(ApiRoles.Viewer, ApiRoles.Trader))
            .AddPolicy(ApiRoles.Trader, p => p.RequireRole(ApiRoles.Trader));
        var api = builder.Configuration.GetSection(ApiOptions.Section).Get<ApiOptions>() ?? new ApiOptions();
        services.AddRateLimiter(o => ApiRateLimits.Configure(o, api));
        services.AddOpenApi(DocumentName, o => o.AddDocumentTransformer((document, _, _) =>
        {
            document.Info = new OpenApiInfo
            {
                Title = "TradingBot API",
                Version = "v1",
                Description = "Control and watch the bot. Reads need the viewer role, changes the trader role. See docs/api.md.",
            };
            document.Components ??= new OpenApiComponents();
            document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
            document.Components.SecuritySchemes["functionKey"] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.ApiKey,
                In = ParameterLocation.Header,
                Name = ApiRoles.KeyHeader,
                Description = "The API key (locally the DevHost's printed key; in Azure the Key Vault secret api-key, or api-viewer-key for reads). Deployments with Entra ID sign-in use the App Service session or a bearer token instead.",
            };
            document.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference("functionKey", document)] = [] }];
            return Task.CompletedTask;
        }));

        services.AddSingleton<LiveEvents>();
        services.AddSingleton<WebhookNotifier>();
        services.AddHostedService(sp => sp.GetRequiredService<WebhookNotifier>());
        WebhookNotifier.AddClient(services);
        services.AddSingleton<PipelineEvents>();
        services.AddSingleton<IInvocationObserver>(sp => sp.GetRequiredService<PipelineEvents>());
        services.AddHostedService(sp => sp.GetRequiredService<PipelineEvents>());
        services.AddSingleton<StrategyService>();
        services.AddSingleton<PortfolioReader>();
        services.AddSingleton<RiskOperator>();
        services.AddSingleton<HaltNotices>();
        services.AddSingleton<BacktestRunner>();
        return builder;
    }

    public static WebApplication MapTradingBotApi(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseExceptionHandler();
        app.UseDashboard();
        app.Use(async (context, next) =>
        {
            if (context.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase))
            {
                DashboardApi.NoStore(context);
            }

            await next(context);
        });
        app.Use(async (context, next) =>
        {
            // Scalar redirects /api/docs to docs/ without the query: keep ?code= so a browser opening /api/docs?code=… gets in.
            if (HttpMethods.IsGet(context.Request.Method) && context.Request.Path.Equals(DocsPath, StringComparison.OrdinalIgnoreCase))
            {
                context.Response.Redirect(DocsPath + "/" + context.Request.QueryString);
                return;
            }

            await next(context);
        });
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseRateLimiter();

        app.MapStrategiesApi();
        app.MapPortfolioApi();
        app.MapOrdersApi();
        app.MapSignalsApi();
        app.MapCandlesApi();
        app.MapRiskApi();
        app.MapBacktestsApi();
        app.MapPoisonApi();
        app.MapEventsApi();
        app.MapOpenApi("/api/openapi/{documentName}.json").RequireAuthorization(ApiRoles.Viewer);
        app.MapScalarApiReference(DocsPath, (options, http) =>
        {
            options.WithTitle("TradingBot API").WithOpenApiRoutePattern("/api/openapi/{documentName}.json" + CodeOf(http))
                .AddPreferredSecuritySchemes("functionKey").AddApiKeyAuthentication("functionKey", k => k.Value = "");
        }).Add(endpoint =>
        {
            // The reference page needs the viewer role like every route; its static assets (library code, no data) load without.
            if (endpoint is RouteEndpointBuilder route && route.RoutePattern.RawText?.Contains("{documentName", StringComparison.Ordinal) == true)
            {
                route.Metadata.Add(new AuthorizeAttribute(ApiRoles.Viewer));
            }
        });
        return app;
    }

    /// <summary>A browser opens the reference with <c>?code=</c> (it cannot send a header); the page's document request reuses it.</summary>
    private static string CodeOf(HttpContext http) =>
        http.Request.Query[ApiRoles.KeyQuery].FirstOrDefault() is { Length: > 0 } code ? "?" + ApiRoles.KeyQuery + "=" + Uri.EscapeDataString(code) : "";
}
