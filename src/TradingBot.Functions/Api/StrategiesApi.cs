using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using TradingBot.Core.Execution;
using TradingBot.Core.Strategies;
using TradingBot.Functions.Api.Contracts;
using TradingBot.Functions.Api.Security;
using TradingBot.Functions.Pipeline;
using TradingBot.Functions.Venues;
using TradingBot.Storage.Config;

namespace TradingBot.Functions.Api;

/// <summary>
/// <c>/api/strategies</c>: list, read, create, replace (If-Match), enable/disable, parameters and market; <c>/api/catalog</c>
/// and <c>/api/markets</c>. Every change is validated against the catalog and the venue registry, written as an ETag
/// compare-and-set (a stale <c>If-Match</c> answers 412), and makes sure ingestion covers the strategy's market.
/// </summary>
public static class StrategiesApi
{
    /// <summary>Strategy ids the pipeline uses itself (protective exits, kill-switch flattening).</summary>
    public static readonly IReadOnlySet<string> ReservedIds = new HashSet<string>([ProtectiveExits.StrategyId, "kill-switch"], StringComparer.OrdinalIgnoreCase);

    public static IEndpointRouteBuilder MapStrategiesApi(this IEndpointRouteBuilder app)
    {
        var read = app.MapGroup("/api").RequireAuthorization(ApiRoles.Viewer).WithTags("Strategies").AddEndpointFilterFactory(QueryBinding.Filter);
        read.MapGet("/strategies", ListAsync).WithSummary("List strategies (paged).");
        read.MapGet("/strategies/{id}", GetAsync).WithSummary("One strategy; its ETag header is the version for If-Match.");
        read.MapGet("/catalog", Catalog).WithSummary("The strategies the catalog can build, with parameter defaults and ranges.");
        read.MapGet("/markets", MarketsAsync).WithSummary("The markets ingestion covers.");

        var write = app.MapGroup("/api/strategies").RequireAuthorization(ApiRoles.Trader).RequireRateLimiting(ApiRateLimits.Mutations).WithTags("Strategies");
        write.MapPost("/", CreateAsync).WithSummary("Create a strategy (409 if the id exists).");
        write.MapPut("/{id}", ReplaceAsync).WithSummary("Replace a strategy; needs If-Match (412 when it changed since you read it).");
        write.MapPost("/{id}/enable", (string id, HttpContext http, StrategyService service, CancellationToken ct) =>
            service.ChangeAsync(id, http, s => s with { Enabled = true }, IfMatch.Optional, ct)).WithSummary("Enable (If-Match optional).");
        write.MapPost("/{id}/disable", (string id, HttpContext http, StrategyService service, CancellationToken ct) =>
            service.ChangeAsync(id, http, s => s with { Enabled = false }, IfMatch.Optional, ct)).WithSummary("Disable (If-Match optional).");
        write.MapPut("/{id}/parameters", ParametersAsync).WithSummary("Replace the parameters; needs If-Match.");
        write.MapPut("/{id}/market", MarketAsync).WithSummary("Move the strategy to another market; needs If-Match.");
        return app;
    }

    private static async Task<Results<Ok<Page<StrategyView>>, ValidationProblem>> ListAsync(ConfigStore config, IVenues venues,
        string? continuationToken, int? pageSize, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var size = errors.PageSize(pageSize);
        if (errors.Any)
        {
            return errors.Problem();
        }

        var page = await config.PageStrategiesAsync(continuationToken, size, ct);
        return TypedResults.Ok(new Page<StrategyView>([.. page.Items.Select(s => View(s, venues))], page.ContinuationToken));
    }

    private static async Task<Results<Ok<StrategyView>, NotFoundProblem>> GetAsync(string id, HttpContext http, ConfigStore config,
        IVenues venues, CancellationToken ct)
    {
        if (await config.GetStrategyAsync(id, ct) is not { } strategy)
        {
            return NotFound(id);
        }

        http.Response.Headers.ETag = strategy.ETag;
        return TypedResults.Ok(View(strategy, venues));
    }

    private static Ok<IReadOnlyList<CatalogStrategyView>> Catalog() =>
        TypedResults.Ok<IReadOnlyList<CatalogStrategyView>>([.. StrategyCatalog.All.Select(d => new CatalogStrategyView(d.Name, d.Description,
            [.. d.Parameters.Select(p => new CatalogParameterView(p.Name, p.Default, p.Min, p.Max, p.IsInteger, p.Description))]))]);

    private static async Task<Ok<Page<MarketView>>> MarketsAsync(ConfigStore config, CancellationToken ct) =>
        TypedResults.Ok(new Page<MarketView>([.. (await config.ListMarketsAsync(ct))
            .OrderBy(m => m.Venue, StringComparer.Ordinal).ThenBy(m => m.Symbol.ToString(), StringComparer.Ordinal)
            .Select(m => new MarketView(m.Venue, m.Symbol.ToString(), m.Timeframe.ToString(), m.Enabled, m.LastCandleTime))], null));

    private static async Task<Results<Created<StrategyView>, ValidationProblem, ConflictProblem>> CreateAsync(StrategyRequest request,
        HttpContext http, StrategyService service, ConfigStore config, IVenues venues, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var id = errors.Id(request.Id, "id");
        if (id is not null && ReservedIds.Contains(id))
        {
            errors.Add("id", $"'{id}' is reserved for the pipeline's own orders.");
        }

        var strategy = service.Validate(id ?? "", request, errors);
        if (errors.Any || strategy is null)
        {
            return errors.Problem();
        }

        if (await config.AddStrategyAsync(strategy, ct) is not { } created)
        {
            return ProblemAnswer.Conflict("Conflict", $"Strategy '{id}' exists already; change it with PUT /api/strategies/{id}.");
        }

        await service.CoverMarketAsync(created, ct);
        http.Response.Headers.ETag = created.ETag;
        return TypedResults.Created($"/api/strategies/{Uri.EscapeDataString(created.Id)}", View(created, venues));
    }

    private static async Task<IResult> ReplaceAsync(string id, StrategyRequest request, HttpContext http, StrategyService service, CancellationToken ct)
    {
        var errors = new FieldErrors();
        if (request.Id is { } bodyId && bodyId != id)
        {
            errors.Add("id", "must be left out or equal the id in the path.");
        }

        var replacement = service.Validate(id, request, errors);
        return errors.Any || replacement is null
            ? errors.Problem()
            : await service.ChangeAsync(id, http, _ => replacement, IfMatch.Required, ct);
    }

    private static async Task<IResult> ParametersAsync(string id, Dictionary<string, double> parameters, HttpContext http, StrategyService service,
        CancellationToken ct) =>
        await service.ChangeAsync(id, http, s => s with { Parameters = parameters }, IfMatch.Required, ct);

    private static async Task<IResult> MarketAsync(string id, MarketRequest market, HttpContext http, StrategyService service, CancellationToken ct)
    {
        var errors = new FieldErrors();
        service.Venue(market.Venue, errors);
        var symbol = errors.Symbol(market.Symbol, required: true);
        var timeframe = errors.Timeframe(market.Timeframe, required: true);
        return errors.Any || symbol is null || timeframe is null
            ? errors.Problem()
            : await service.ChangeAsync(id, http, s => s with { Venue = market.Venue, Symbol = symbol.Value, Timeframe = timeframe.Value }, IfMatch.Required, ct);
    }

    public static StrategyView View(StrategyConfig s, IVenues venues)
    {
        ArgumentNullException.ThrowIfNull(s);
        ArgumentNullException.ThrowIfNull(venues);
        var mode = venues.ModeOf(s.Venue);
        return new StrategyView(s.Id, s.Strategy, s.Venue, s.Symbol.ToString(), s.Timeframe.ToString(), s.Enabled, s.Parameters,
            TradingAccounts.For(s.Venue, mode), ApiText.Kebab(mode), s.ETag);
    }

    public static NotFoundProblem NotFound(string id) =>
        ProblemAnswer.NotFound($"There is no strategy '{FieldErrors.Clip(id)}'.");
}
