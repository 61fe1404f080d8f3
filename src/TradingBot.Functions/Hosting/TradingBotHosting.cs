using Azure.Monitor.OpenTelemetry.Exporter;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using TradingBot.Backtesting.Paper;
using TradingBot.Core.Exchange;
using TradingBot.Core.Risk;
using TradingBot.Core.Time;
using TradingBot.Exchanges;
using TradingBot.Exchanges.Binance;
using TradingBot.Exchanges.Coinbase;
using TradingBot.Exchanges.Http;
using TradingBot.Exchanges.Robinhood;
using TradingBot.Functions.Api;
using TradingBot.Functions.Functions;
using TradingBot.Functions.Invocation;
using TradingBot.Functions.Pipeline;
using TradingBot.Functions.Telemetry;
using TradingBot.Functions.Venues;
using TradingBot.Storage;
using TradingBot.Storage.Config;
using TradingBot.Storage.Secrets;
using TradingBot.Storage.Tables;

namespace TradingBot.Functions.Hosting;

/// <summary>All wiring of the function app: options (validated at start), storage, venues, risk, pipeline stages, functions, telemetry.</summary>
public static class TradingBotHosting
{
    public const string AppInsightsConnection = "APPLICATIONINSIGHTS_CONNECTION_STRING";
    public const string AppInsightsAuthentication = "APPLICATIONINSIGHTS_AUTHENTICATION_STRING";

    /// <summary>Paper venue settings (fees, slippage, starting balances, the simulated market's seed), as the CLI reads them.</summary>
    public const string PaperSection = "Venues:Paper";

    /// <summary>
    /// Local demo only (the DevHost's <c>--speed</c>): <c>SimulatedClock:Speed</c>, <c>:Anchor</c> and <c>:Start</c> make
    /// the app's clock run faster (<see cref="ScaledTimeProvider"/>). Unset in Azure: the system clock.
    /// </summary>
    public const string SimulatedClockSection = "SimulatedClock";

    /// <summary>
    /// The command line the app builder gets: the host's arguments, and configuration files are not watched for
    /// changes (<c>hostBuilder:reloadConfigOnChange=false</c>). The deployed app root has no appsettings files and its
    /// settings are environment variables; watching the folder for those files cost ~10 ms of every cold start.
    /// An explicit <c>--hostBuilder:reloadConfigOnChange</c> in <paramref name="args"/> still wins.
    /// </summary>
    public static string[] HostArguments(string[] args) => ["--hostBuilder:reloadConfigOnChange=false", .. args];

    public static WebApplicationBuilder AddTradingBot(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        var configuration = builder.Configuration;
        if (SimulatedClock(configuration) is { } clock)
        {
            services.AddSingleton<TimeProvider>(clock);
        }

        services.AddOptions<PipelineOptions>().BindConfiguration(PipelineOptions.Section).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<PipelineOptions>, PipelineOptionsValidator>());
        services.AddOptions<TradingOptions>().BindConfiguration(TradingOptions.Section);
        services.AddTradingBotStorage(configuration);
        services.AddExchanges(configuration);
        AddVenueCredentials<BinanceOptions>(services, VenueIds.Binance);
        AddVenueCredentials<CoinbaseOptions>(services, VenueIds.Coinbase);
        AddVenueCredentials<RobinhoodOptions>(services, VenueIds.Robinhood);
        var paper = configuration.GetSection(PaperSection);
        services.AddSingleton(paper.Get<PaperOptions>() ?? new PaperOptions());
        services.AddSingleton<IPaperVenues, PaperAccounts>();
        services.AddVenue(VenueIds.Paper, sp => PaperAccounts.Simulated(paper.GetValue("Seed", 42), sp.GetRequiredService<TableClients>(),
            sp.GetRequiredService<PaperOptions>(), sp.GetRequiredService<IOptions<PipelineOptions>>().Value.PaperAccountCacheLifetime,
            sp.GetRequiredService<TimeProvider>()));
        var risk = RiskConfiguration.Bind(configuration);
        services.AddSingleton(risk);
        services.AddSingleton(new RiskGate(risk));

        services.AddSingleton<PipelineMetrics>();
        services.AddSingleton<IVenues, VenueDirectory>();
        services.AddSingleton<MarketDataIngestor>();
        services.AddSingleton<StrategyEvaluator>();
        services.AddSingleton<ProtectiveExits>();
        services.AddSingleton<RiskApprover>();
        services.AddSingleton<RiskBookkeeper>();
        services.AddSingleton<OrderExecutor>();
        services.AddSingleton<OrderReconciler>();
        services.AddSingleton<FunctionInvoker>();
        services.AddSingleton<IngestMarketData>();
        services.AddSingleton<EvaluateStrategies>();
        services.AddSingleton<ApplyRisk>();
        services.AddSingleton<ExecuteOrders>();
        services.AddSingleton<RecordFills>();
        services.AddSingleton<ReconcileOrders>();

        builder.AddTradingBotApi();
        AddTelemetry(builder);
        return builder;
    }

    public static WebApplication MapTradingBot(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapFunction<IngestMarketData>();
        app.MapFunction<EvaluateStrategies>();
        app.MapFunction<ApplyRisk>();
        app.MapFunction<ExecuteOrders>();
        app.MapFunction<RecordFills>();
        app.MapFunction<ReconcileOrders>();
        app.MapHealthApi();
        app.MapTradingBotApi();
        if (string.IsNullOrEmpty(app.Configuration[AppInsightsConnection]))
        {
            app.MapPrometheusScrapingEndpoint();
        }

        return app;
    }

    /// <summary>The scaled clock of a local demo run, or null (system clock) when <c>SimulatedClock:Speed</c> is unset or 1.</summary>
    public static ScaledTimeProvider? SimulatedClock(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection(SimulatedClockSection);
        var speed = section.GetValue<double?>("Speed");
        if (speed is null or 1.0)
        {
            return null;
        }

        var anchor = section.GetValue<DateTimeOffset?>("Anchor")
            ?? throw new InvalidOperationException($"{SimulatedClockSection}:Anchor is required when {SimulatedClockSection}:Speed is set.");
        return new ScaledTimeProvider(TimeProvider.System, anchor, section.GetValue<DateTimeOffset?>("Start") ?? anchor, speed.Value);
    }

    /// <summary>
    /// Traces, metrics and logs through OpenTelemetry: to Azure Monitor when <c>APPLICATIONINSIGHTS_CONNECTION_STRING</c>
    /// is set (Entra ID auth when <c>APPLICATIONINSIGHTS_AUTHENTICATION_STRING</c> says <c>Authorization=AAD</c>), else a
    /// Prometheus scrape endpoint at <c>/metrics</c>. Console logs go to stdout (the host logs stderr as errors), one line
    /// per event with its scope (message id, correlation id). Outgoing HTTP spans keep the URL path only: venue query
    /// strings carry signatures.
    /// </summary>
    private static void AddTelemetry(WebApplicationBuilder builder)
    {
        builder.Logging.AddSimpleConsole(o =>
        {
            o.IncludeScopes = true;
            o.SingleLine = true;
        });
        builder.Services.Configure<ConsoleLoggerOptions>(o => o.LogToStandardErrorThreshold = LogLevel.Error);
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        var connection = builder.Configuration[AppInsightsConnection];
        var authentication = builder.Configuration[AppInsightsAuthentication];
        var telemetry = builder.Services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService("tradingbot-functions"))
            .WithTracing(t => t
                .AddSource(PipelineMetrics.ActivitySourceName)
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation(o =>
                {
                    o.EnrichWithHttpRequestMessage = (activity, request) => activity.SetTag("url.full", request.RequestUri?.GetLeftPart(UriPartial.Path));
                    // Webhook URLs and bot tokens are in the path: notification requests are not traced at all.
                    o.FilterHttpRequestMessage = request => !request.Options.TryGetValue(Notifications.WebhookNotifier.Untraced, out var untraced) || !untraced;
                }))
            .WithMetrics(m => m
                .AddMeter(PipelineMetrics.MeterName)
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation());
        builder.Logging.AddOpenTelemetry(o =>
        {
            o.IncludeScopes = true;
            o.IncludeFormattedMessage = true;
        });
        if (string.IsNullOrEmpty(connection))
        {
            telemetry.WithMetrics(m => m.AddPrometheusExporter());
            return;
        }

        void Configure(AzureMonitorExporterOptions o)
        {
            o.ConnectionString = connection;
            if (authentication?.Contains("Authorization=AAD", StringComparison.OrdinalIgnoreCase) == true)
            {
                var clientId = authentication.Split(';').Select(p => p.Split('=', 2)).FirstOrDefault(p => p.Length == 2 && p[0].Trim() == "ClientId")?[1];
                o.Credential = TableServiceClientFactory.Credential(clientId);
            }
        }

        telemetry.WithTracing(t => t.AddAzureMonitorTraceExporter(Configure)).WithMetrics(m => m.AddAzureMonitorMetricExporter(Configure));
        builder.Logging.AddOpenTelemetry(o => o.AddAzureMonitorLogExporter(Configure));
    }

    /// <summary>Venue keys from the secret store (Key Vault in Azure) when configuration does not set them.</summary>
    private static void AddVenueCredentials<TOptions>(IServiceCollection services, string venue)
        where TOptions : VenueOptions =>
        services.AddSingleton<IPostConfigureOptions<TOptions>>(sp => new VenueCredentials<TOptions>(venue, sp.GetRequiredService<ISecretStore>()));
}
