using Microsoft.AspNetCore.Http.HttpResults;
using TradingBot.Functions.Api.Contracts;
using TradingBot.Functions.Api.Security;

namespace TradingBot.Functions.Api;

/// <summary><c>/api/portfolio</c> (equity, cash and balances per account), <c>/api/portfolio/equity</c> (history with drawdown) and <c>/api/positions</c>.</summary>
public static class PortfolioApi
{
    public static IEndpointRouteBuilder MapPortfolioApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api").RequireAuthorization(ApiRoles.Viewer).WithTags("Portfolio").AddEndpointFilterFactory(QueryBinding.Filter);
        group.MapGet("/portfolio", async (PortfolioReader reader, CancellationToken ct) => TypedResults.Ok(await reader.PortfolioAsync(ct)))
            .WithSummary("Equity, cash, PnL and balances of every account.");
        group.MapGet("/portfolio/equity", EquityAsync).WithSummary("An account's equity after every fill since 'from', with drawdown.");
        group.MapGet("/positions", PositionsAsync).WithSummary("Positions with unrealized PnL at the newest candle close (one account, or all).");
        return app;
    }

    private static async Task<Results<Ok<EquityCurveView>, ValidationProblem>> EquityAsync(PortfolioReader reader, string? account, DateTimeOffset? from,
        CancellationToken ct)
    {
        var errors = new FieldErrors();
        var name = errors.Id(account, "account");
        if (errors.Any || name is null)
        {
            return errors.Problem();
        }

        return TypedResults.Ok(await reader.EquityAsync(name, from, ct));
    }

    private static async Task<Results<Ok<Page<PositionView>>, ValidationProblem>> PositionsAsync(PortfolioReader reader, string? account,
        CancellationToken ct)
    {
        var errors = new FieldErrors();
        var name = errors.Id(account, "account", required: false);
        if (errors.Any)
        {
            return errors.Problem();
        }

        var accounts = name is null ? [.. (await reader.AccountsAsync(ct)).Select(a => a.Account)] : new List<string> { name };
        var positions = new List<PositionView>();
        foreach (var each in accounts)
        {
            positions.AddRange(await reader.PositionsAsync(each, ct));
        }

        return TypedResults.Ok(new Page<PositionView>(positions, null));
    }
}
