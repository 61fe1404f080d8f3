using Microsoft.AspNetCore.Http.HttpResults;
using TradingBot.Functions.Api.Contracts;
using TradingBot.Functions.Api.Security;
using TradingBot.Storage.Poison;

namespace TradingBot.Functions.Api;

/// <summary>
/// <c>/api/poison</c>: dead-letter inspection. Messages a function could not process are recorded in table <c>Poison</c>
/// (with the reason naming the field) instead of looping or dead-lettering; this lists them, optionally for one function.
/// </summary>
public static class PoisonApi
{
    public static IEndpointRouteBuilder MapPoisonApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/poison", ListAsync).RequireAuthorization(ApiRoles.Viewer).WithTags("Dead letters").AddEndpointFilterFactory(QueryBinding.Filter)
            .WithSummary("Poison (dead-letter) records, optionally of one function (paged).");
        return app;
    }

    private static async Task<Results<Ok<Page<PoisonView>>, ValidationProblem>> ListAsync(PoisonStore poison, string? function, string? continuationToken,
        int? pageSize, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var name = errors.Id(function, "function", required: false);
        var size = errors.PageSize(pageSize);
        if (errors.Any)
        {
            return errors.Problem();
        }

        var page = await poison.PageAsync(name, continuationToken, size, ct);
        return TypedResults.Ok(new Page<PoisonView>([.. page.Items.Select(p => new PoisonView(p.Function, p.Key, p.Reason, p.Body, p.Body.Length,
            p.RecordedAt, p.MessageId, p.CorrelationId, p.DeliveryCount))], page.ContinuationToken));
    }
}
