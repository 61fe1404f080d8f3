using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using TradingBot.Core.Risk;
using TradingBot.Functions.Api.Contracts;
using TradingBot.Functions.Api.Security;

namespace TradingBot.Functions.Api;

/// <summary><c>/api/risk</c>: the risk state of every account; <c>/api/risk/halt</c> and <c>/api/risk/resume</c>: the kill switch.</summary>
public static class RiskApi
{
    public static IEndpointRouteBuilder MapRiskApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/risk", async (RiskOperator risk, CancellationToken ct) => TypedResults.Ok(await risk.StateAsync(ct)))
            .RequireAuthorization(ApiRoles.Viewer).WithTags("Risk").WithSummary("Halts, kill switch and equity figures of every account.");
        var write = app.MapGroup("/api/risk").RequireAuthorization(ApiRoles.Trader).RequireRateLimiting(ApiRateLimits.Mutations).WithTags("Risk");
        write.MapPost("/halt", HaltAsync).WithSummary("Engage the kill switch (one account or all); flatten=true also exits every position.");
        write.MapPost("/resume", ResumeAsync).WithSummary("End a halt (kill-switch, daily-loss-limit or max-drawdown) for one account or all.");
        return app;
    }

    private static async Task<Results<Ok<RiskActionView>, ValidationProblem>> HaltAsync(HaltRequest request, RiskOperator risk, ClaimsPrincipal user,
        CancellationToken ct)
    {
        var errors = new FieldErrors();
        var account = errors.Id(request.Account, "account", required: false);
        Message(request.Message, errors);
        if (errors.Any)
        {
            return errors.Problem();
        }

        var changed = await risk.HaltAsync(account, request.Message.Trim(), request.Flatten, Who(user), ct);
        return TypedResults.Ok(new RiskActionView(changed, await risk.StateAsync(ct)));
    }

    private static async Task<Results<Ok<RiskActionView>, ValidationProblem, ProblemHttpResult>> ResumeAsync(ResumeRequest request, RiskOperator risk,
        ClaimsPrincipal user, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var account = errors.Id(request.Account, "account", required: false);
        Message(request.Message, errors);
        var reason = RiskReason.KillSwitch;
        if (request.Reason is { } code && (!RiskReasonCodes.TryParse(code, out reason) || !RiskOperator.Resumable.Contains(reason)))
        {
            errors.Add("reason", $"must be one of {string.Join(", ", RiskOperator.Resumable.Select(r => r.ToCode()))}.");
        }

        if (errors.Any)
        {
            return errors.Problem();
        }

        try
        {
            var changed = await risk.ResumeAsync(account, reason, request.Message.Trim(), Who(user), ct);
            return TypedResults.Ok(new RiskActionView(changed, await risk.StateAsync(ct)));
        }
        catch (InvalidOperationException ex)
        {
            return TypedResults.Problem(statusCode: 503, title: "Equity unavailable", detail: ex.Message);
        }
    }

    private static void Message(string? message, FieldErrors errors)
    {
        if (string.IsNullOrWhiteSpace(message))
        {
            errors.Add("message", "is required: say why (it is recorded with the halt).");
        }
        else if (message.Length > 500)
        {
            errors.Add("message", "must be at most 500 characters.");
        }
    }

    private static string Who(ClaimsPrincipal user) => user.Identity?.Name is { Length: > 0 } name ? FieldErrors.Clip(name) : "operator";
}
