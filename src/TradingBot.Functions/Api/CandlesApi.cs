using Microsoft.AspNetCore.Http.HttpResults;
using TradingBot.Core.Execution;
using TradingBot.Core.Market;
using TradingBot.Core.Strategies;
using TradingBot.Functions.Api.Contracts;
using TradingBot.Functions.Api.Security;
using TradingBot.Functions.Venues;
using TradingBot.Storage.Candles;
using TradingBot.Storage.Config;
using TradingBot.Storage.Orders;

namespace TradingBot.Functions.Api;

/// <summary>
/// <c>/api/candles</c> (stored candles of one market, paged, ascending) and <c>/api/candles/chart</c> (the newest bars
/// with a strategy's indicator lines, computed by the same strategy code the pipeline runs, and the fills as markers).
/// </summary>
public static class CandlesApi
{
    public const int MaxChartBars = 1000;

    public static IEndpointRouteBuilder MapCandlesApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/candles").RequireAuthorization(ApiRoles.Viewer).WithTags("Candles").AddEndpointFilterFactory(QueryBinding.Filter);
        group.MapGet("/", ListAsync).WithSummary("Stored candles of venue/symbol/timeframe with open time in from..to (default: the newest pageSize bars).");
        group.MapGet("/chart", ChartAsync).WithSummary("The newest bars of a market with a strategy's indicator lines and the fills as markers.");
        return app;
    }

    private static async Task<Results<Ok<Page<CandleView>>, ValidationProblem>> ListAsync(CandleStore candles, ConfigStore config, TimeProvider time,
        string? venue, string? symbol, string? timeframe, DateTimeOffset? from, DateTimeOffset? to, string? continuationToken, int? pageSize,
        CancellationToken ct)
    {
        var errors = new FieldErrors();
        var market = Market(venue, symbol, timeframe, errors);
        var size = errors.PageSize(pageSize, 500);
        errors.Window(from, to);
        if (errors.Any || market is not { } m)
        {
            return errors.Problem();
        }

        var last = to ?? await NewestAsync(config, m, time, ct);
        var first = from ?? last - (m.Timeframe.Duration * (size - 1));
        var page = await candles.PageAsync(m.Venue, m.Symbol, m.Timeframe, first, last, continuationToken, size, ct);
        return TypedResults.Ok(new Page<CandleView>([.. page.Items.Select(View)], page.ContinuationToken));
    }

    private static async Task<Results<Ok<ChartView>, ValidationProblem>> ChartAsync(CandleStore candles, ConfigStore config, OrderStore orders,
        IVenues venues, TimeProvider time, string? venue, string? symbol, string? timeframe, string? strategyId, int? bars, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var market = Market(venue, symbol, timeframe, errors);
        var count = bars ?? 300;
        if (count is < 1 or > MaxChartBars)
        {
            errors.Add("bars", $"must be between 1 and {MaxChartBars}.");
        }

        var strategyName = errors.Id(strategyId, "strategyId", required: false);
        var strategy = strategyName is null ? null : await config.GetStrategyAsync(strategyName, ct);
        if (strategyName is not null && strategy is null)
        {
            errors.Add("strategyId", $"there is no strategy '{strategyName}'.");
        }

        if (errors.Any || market is not { } m)
        {
            return errors.Problem();
        }

        var last = await NewestAsync(config, m, time, ct);
        var first = last - (m.Timeframe.Duration * (count - 1));
        IStrategy? instance = strategy is not null && StrategyCatalog.TryGet(strategy.Strategy, out var definition) ? definition.Create(strategy.Parameters) : null;
        var warmup = instance?.WarmupBars ?? 0;
        var window = await candles.GetRangeAsync(m.Venue, m.Symbol, m.Timeframe, first - (m.Timeframe.Duration * warmup), last, ct);
        var overlays = instance is null ? [] : Overlays(instance, window, first);
        var account = TradingAccounts.For(m.Venue, venues.ModeOf(m.Venue));
        var fills = await orders.ListFillsAsync(new FillFilter { Venue = m.Venue, Account = account, Symbol = m.Symbol, From = first }, ct);
        return TypedResults.Ok(new ChartView(m.Venue, m.Symbol.ToString(), m.Timeframe.ToString(), [.. window.Where(c => c.Time >= first).Select(View)], overlays,
            [.. fills.Select(f => new MarkerView(f.Fill.Timestamp, ApiText.Kebab(f.Side), f.Fill.Price, f.Fill.Amount, f.OrderId, f.StrategyId))]));
    }

    /// <summary>Feeds the window through the strategy and records each plot line from <paramref name="first"/> on (NaN while warming up is left out).</summary>
    private static List<OverlayView> Overlays(IStrategy strategy, IReadOnlyList<Candle> window, DateTimeOffset first)
    {
        var lines = strategy.PlotNames.Select(name => (Name: name, Points: new List<OverlayPoint>())).ToList();
        foreach (var candle in window)
        {
            strategy.OnCandle(candle);
            if (candle.Time < first)
            {
                continue;
            }

            for (var i = 0; i < lines.Count; i++)
            {
                var value = strategy.GetPlotValue(i);
                if (double.IsFinite(value))
                {
                    lines[i].Points.Add(new OverlayPoint(candle.Time, value));
                }
            }
        }

        return [.. lines.Select(l => new OverlayView(l.Name, l.Points))];
    }

    private static MarketConfig? Market(string? venue, string? symbol, string? timeframe, FieldErrors errors)
    {
        var v = errors.Id(venue, "venue");
        var s = errors.Symbol(symbol, required: true);
        var t = errors.Timeframe(timeframe, required: true);
        return v is null || s is null || t is null ? null : new MarketConfig(v, s.Value, t.Value);
    }

    /// <summary>The open time of the newest stored bar (the ingestion cursor), else the last bar that has closed by now.</summary>
    private static async Task<DateTimeOffset> NewestAsync(ConfigStore config, MarketConfig market, TimeProvider time, CancellationToken ct)
    {
        var configured = (await config.ListMarketsAsync(ct))
            .FirstOrDefault(c => c.Venue == market.Venue && c.Symbol == market.Symbol && c.Timeframe == market.Timeframe);
        if (configured?.LastCandleTime is { } cursor)
        {
            return cursor;
        }

        var now = time.GetUtcNow();
        var ticks = market.Timeframe.Duration.Ticks;
        return new DateTimeOffset(now.UtcTicks - (now.UtcTicks % ticks), TimeSpan.Zero) - market.Timeframe.Duration;
    }

    private static CandleView View(Candle c) => new(c.Time, c.Open, c.High, c.Low, c.Close, c.Volume);
}
