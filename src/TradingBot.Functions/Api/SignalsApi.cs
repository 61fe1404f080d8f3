using Microsoft.AspNetCore.Http.HttpResults;
using TradingBot.Core.Messages;
using TradingBot.Functions.Api.Contracts;
using TradingBot.Functions.Api.Security;
using TradingBot.Storage.Risk;
using TradingBot.Storage.Signals;

namespace TradingBot.Functions.Api;

/// <summary>
/// <c>/api/signals</c> (each with the risk decision taken on it) and <c>/api/risk/decisions</c> (approvals and
/// rejections with their reason codes), over UTC days <c>from</c>..<c>to</c> (default the last 7 days, at most 92).
/// </summary>
public static class SignalsApi
{
    public const int MaxDays = 92;

    public static IEndpointRouteBuilder MapSignalsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api").RequireAuthorization(ApiRoles.Viewer).WithTags("Signals and risk decisions").AddEndpointFilterFactory(QueryBinding.Filter);
        group.MapGet("/signals", SignalsAsync).WithSummary("Signals of UTC days from..to (yyyy-MM-dd), optionally of one strategy, with their risk decision.");
        group.MapGet("/risk/decisions", DecisionsAsync).WithSummary("Risk decisions of UTC days from..to; approved=false lists the rejections with reasons.");
        return app;
    }

    private static async Task<Results<Ok<Page<SignalView>>, ValidationProblem>> SignalsAsync(SignalStore signals, RiskDecisionStore decisions,
        TimeProvider time, string? from, string? to, string? strategyId, string? continuationToken, int? pageSize, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var (first, last) = Days(from, to, time, errors);
        var strategy = errors.Id(strategyId, "strategyId", required: false);
        var size = errors.PageSize(pageSize);
        if (errors.Any)
        {
            return errors.Problem();
        }

        var page = await signals.PageAsync(first, last, strategy, continuationToken, size, ct);
        var decided = new Dictionary<string, RiskDecision>(StringComparer.Ordinal);
        foreach (var day in page.Items.Select(s => DateOnly.FromDateTime(s.CandleTime.UtcDateTime)).Distinct())
        {
            foreach (var decision in await decisions.ListDayAsync(day, ct))
            {
                decided[decision.SignalId] = decision;
            }
        }

        return TypedResults.Ok(new Page<SignalView>([.. page.Items.Select(s => View(s, decided.GetValueOrDefault(s.Id)))], page.ContinuationToken));
    }

    private static async Task<Results<Ok<Page<DecisionView>>, ValidationProblem>> DecisionsAsync(RiskDecisionStore decisions, TimeProvider time,
        string? from, string? to, bool? approved, string? continuationToken, int? pageSize, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var (first, last) = Days(from, to, time, errors);
        var size = errors.PageSize(pageSize);
        if (errors.Any)
        {
            return errors.Problem();
        }

        var page = await decisions.PageAsync(first, last, approved, continuationToken, size, ct);
        return TypedResults.Ok(new Page<DecisionView>([.. page.Items.Select(Decision)], page.ContinuationToken));
    }

    private static (DateOnly From, DateOnly To) Days(string? from, string? to, TimeProvider time, FieldErrors errors)
    {
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        var last = errors.Day(to, "to") ?? today;
        var first = errors.Day(from, "from") ?? last.AddDays(-6);
        if (first > last)
        {
            errors.Add("from", "must not be after 'to'.");
        }
        else if (last.DayNumber - first.DayNumber >= MaxDays)
        {
            errors.Add("from", $"the window may span at most {MaxDays} days.");
        }

        return (first, last);
    }

    private static SignalView View(SignalRaised s, RiskDecision? decision) =>
        new(s.Id, s.StrategyId, s.Strategy, s.Venue, s.Symbol.ToString(), s.Timeframe.ToString(), s.CandleTime, ApiText.Kebab(s.Target), s.Price, s.Reason,
            s.At, decision is null ? null : Decision(decision));

    public static DecisionView Decision(RiskDecision d)
    {
        ArgumentNullException.ThrowIfNull(d);
        return new DecisionView(d.SignalId, d.StrategyId, d.Venue, d.Symbol, d.SignalTime, d.Approved, d.Code, d.Message, d.DecidedAt,
            [.. d.Orders.Select(o => o.Id)]);
    }
}
