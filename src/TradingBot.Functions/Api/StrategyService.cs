using Microsoft.AspNetCore.Mvc;
using Microsoft.Net.Http.Headers;
using TradingBot.Core.Strategies;
using TradingBot.Exchanges;
using TradingBot.Functions.Api.Contracts;
using TradingBot.Functions.Api.Live;
using TradingBot.Functions.Venues;
using TradingBot.Storage.Config;
using TradingBot.Storage.Tables;

namespace TradingBot.Functions.Api;

/// <summary>The validation and compare-and-set every strategy change shares.</summary>
public sealed class StrategyService(ConfigStore config, VenueRegistry registry, IVenues venues, LiveEvents events)
{
    /// <summary>The strategy <paramref name="request"/> describes, or null with the reasons in <paramref name="errors"/>.</summary>
    public StrategyConfig? Validate(string id, StrategyRequest request, FieldErrors errors)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(errors);
        Venue(request.Venue, errors);
        var symbol = errors.Symbol(request.Symbol, required: true);
        var timeframe = errors.Timeframe(request.Timeframe, required: true);
        var parameters = Parameters(request.Strategy, request.Parameters ?? new Dictionary<string, double>(), errors);
        return errors.Any || symbol is null || timeframe is null || parameters is null
            ? null
            : new StrategyConfig(id, request.Strategy, request.Venue, symbol.Value, timeframe.Value, request.Enabled) { Parameters = parameters };
    }

    public void Venue(string? venue, FieldErrors errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (errors.Id(venue, "venue") is { } v && !registry.Contains(v))
        {
            errors.Add("venue", $"'{v}' is not a configured venue ({string.Join(", ", registry.Venues)}).");
        }
    }

    /// <summary>
    /// Reads the strategy, applies <paramref name="change"/>, validates the result and writes it with the ETag the
    /// caller sent (If-Match) or the one just read. 404 unknown, 428 If-Match missing where required, 412 stale.
    /// </summary>
    public async Task<IResult> ChangeAsync(string id, HttpContext http, Func<StrategyConfig, StrategyConfig> change, IfMatch ifMatch,
        CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(change);
        var etag = http.Request.Headers[HeaderNames.IfMatch].FirstOrDefault();
        var errors = new FieldErrors();
        if (etag == "*")
        {
            errors.Add("If-Match", "must be the ETag of the version you read, not '*'.");
            return errors.Problem();
        }

        if (string.IsNullOrEmpty(etag) && ifMatch == IfMatch.Required)
        {
            return TypedResults.Problem(statusCode: 428, title: "Precondition required",
                detail: $"Send If-Match with the ETag from GET /api/strategies/{id}, so a change made meanwhile is not overwritten.");
        }

        if (await config.GetStrategyAsync(id, ct) is not { } current)
        {
            return StrategiesApi.NotFound(id);
        }

        var changed = change(current);
        var parameters = Parameters(changed.Strategy, changed.Parameters, errors);
        if (errors.Any || parameters is null)
        {
            return errors.Problem();
        }

        try
        {
            var saved = await config.SaveStrategyAsync(changed with { Id = current.Id, Parameters = parameters, ETag = etag ?? current.ETag }, ct);
            await CoverMarketAsync(saved, ct);
            events.Publish(LiveEventKinds.Strategy, new StrategyData(saved.Id, saved.Enabled));
            http.Response.Headers.ETag = saved.ETag;
            return TypedResults.Ok(StrategiesApi.View(saved, venues));
        }
        catch (ConcurrencyConflictException)
        {
            return TypedResults.Problem(statusCode: 412, title: "Precondition failed",
                detail: $"Strategy '{id}' was changed since that ETag was read; GET it again and reapply your change.");
        }
    }

    /// <summary>Makes sure ingestion covers the strategy's market (an existing market keeps its cursor and switch).</summary>
    public async Task CoverMarketAsync(StrategyConfig strategy, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(strategy);
        var markets = await config.ListMarketsAsync(ct);
        if (!markets.Any(m => m.Venue == strategy.Venue && m.Symbol == strategy.Symbol && m.Timeframe == strategy.Timeframe))
        {
            await config.UpsertMarketAsync(new MarketConfig(strategy.Venue, strategy.Symbol, strategy.Timeframe), ct);
        }
    }

    /// <summary>The full parameter set (catalog defaults + <paramref name="overrides"/>) when the strategy accepts it.</summary>
    private static Dictionary<string, double>? Parameters(string? name, IReadOnlyDictionary<string, double> overrides, FieldErrors errors)
    {
        if (string.IsNullOrWhiteSpace(name) || !StrategyCatalog.TryGet(name, out var definition))
        {
            errors.Add("strategy", $"must be one of {string.Join(", ", StrategyCatalog.Names)}.");
            return null;
        }

        try
        {
            var values = definition.Parameterize(overrides);
            definition.Create(values);
            return definition.Parameters.ToDictionary(p => p.Name, p => values[p.Name], StringComparer.Ordinal);
        }
        catch (ArgumentException ex)
        {
            errors.Add("parameters", FieldErrors.Reason(ex));
            return null;
        }
    }
}
