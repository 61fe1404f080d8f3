using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using TradingBot.Core.Exchange;
using TradingBot.Core.Execution;
using TradingBot.Functions.Api.Contracts;
using TradingBot.Functions.Api.Live;
using TradingBot.Functions.Api.Security;
using TradingBot.Functions.Venues;
using TradingBot.Storage.Orders;

namespace TradingBot.Functions.Api;

/// <summary>
/// <c>/api/orders</c> (filter by status, venue, symbol, creation time; paged), one order with its fills, cancelling
/// an open order, and <c>/api/fills</c>. A cancel never places anything: it asks the venue to cancel the order by its
/// exchange id and leaves the order row to the pipeline (ReconcileOrders records the final state and any last fills,
/// which then reach the ledger through the fills topic like every other execution).
/// </summary>
public static class OrdersApi
{
    /// <summary>The <c>status=active</c> shorthand: every state that is not final.</summary>
    public const string Active = "active";

    public static IEndpointRouteBuilder MapOrdersApi(this IEndpointRouteBuilder app)
    {
        var read = app.MapGroup("/api").RequireAuthorization(ApiRoles.Viewer).WithTags("Orders").AddEndpointFilterFactory(QueryBinding.Filter);
        read.MapGet("/orders", ListAsync).WithSummary("Orders (paged), filtered by status (comma-separated, or 'active'), venue, symbol, from/to (creation time).");
        read.MapGet("/orders/{venue}/{orderId}", GetAsync).WithSummary("One order with its executions.");
        read.MapGet("/fills", FillsAsync).WithSummary("Executions (paged), filtered by venue, account, symbol, order, from/to (execution time).");
        app.MapPost("/api/orders/{venue}/{orderId}/cancel", CancelAsync).RequireAuthorization(ApiRoles.Trader).RequireRateLimiting(ApiRateLimits.Mutations)
            .WithTags("Orders").WithSummary("Ask the venue to cancel an open order; the reconciler records the outcome.");
        return app;
    }

    private static async Task<Results<Ok<Page<OrderView>>, ValidationProblem>> ListAsync(OrderStore orders, string? status, string? venue, string? symbol,
        DateTimeOffset? from, DateTimeOffset? to, string? continuationToken, int? pageSize, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var states = States(status, errors);
        var filter = new OrderFilter
        {
            Venue = errors.Id(venue, "venue", required: false),
            Symbol = errors.Symbol(symbol),
            States = states,
            From = from,
            To = to,
        };
        errors.Window(from, to);
        var size = errors.PageSize(pageSize);
        if (errors.Any)
        {
            return errors.Problem();
        }

        var page = await orders.QueryAsync(filter, continuationToken, size, ct);
        return TypedResults.Ok(new Page<OrderView>([.. page.Items.Select(o => View(o))], page.ContinuationToken));
    }

    private static async Task<Results<Ok<OrderView>, NotFoundProblem>> GetAsync(string venue, string orderId, OrderStore orders, CancellationToken ct)
    {
        if (await orders.GetAsync(venue, orderId, ct) is not { } stored)
        {
            return ProblemAnswer.NotFound($"There is no order '{FieldErrors.Clip(orderId)}' on '{FieldErrors.Clip(venue)}'.");
        }

        return TypedResults.Ok(View(stored.Order) with
        {
            Fills = [.. stored.Fills.Select(f => Fill(new StoredFill(stored.Order.OrderId, stored.Order.Venue, stored.Order.Account, stored.Order.StrategyId,
                stored.Order.Symbol, stored.Order.Side, f)))],
        });
    }

    private static async Task<Results<Accepted<CancelView>, NotFoundProblem, ConflictProblem, ProblemHttpResult>> CancelAsync(
        string venue, string orderId, OrderStore orders, IVenues venues, LiveEvents events, CancellationToken ct)
    {
        if (await orders.GetAsync(venue, orderId, ct) is not { } stored)
        {
            return ProblemAnswer.NotFound($"There is no order '{FieldErrors.Clip(orderId)}' on '{FieldErrors.Clip(venue)}'.");
        }

        var order = stored.Order;
        var refusal = order.State.IsTerminal() ? $"The order is {ApiText.Kebab(order.State)} already."
            : order.State is OrderState.Submitting or OrderState.Unknown ? "The order's outcome at the venue is not known yet; ReconcileOrders resolves it first."
            : order.ExchangeOrderId is null ? "The venue has not acknowledged the order (no exchange order id)."
            : null;
        if (refusal is not null)
        {
            return ProblemAnswer.Conflict("Order cannot be canceled", refusal);
        }

        Order report;
        try
        {
            report = await venues.Trading(order.Venue, order.Mode).CancelOrderAsync(order.ExchangeOrderId!, order.Symbol, ct);
        }
        catch (OrderNotFound)
        {
            return ProblemAnswer.Conflict("Order cannot be canceled",
                "The venue no longer has the order open (filled or canceled meanwhile); ReconcileOrders records its final state.");
        }
        catch (ExchangeError ex)
        {
            return TypedResults.Problem(statusCode: 502, title: "Venue refused the cancel", detail: $"{ex.GetType().Name}: {ex.Message}");
        }

        events.Publish(LiveEventKinds.Order, new OrderData(order.OrderId, order.Venue, order.Symbol.ToString(), null, null, "cancel-requested"));
        return TypedResults.Accepted($"/api/orders/{Uri.EscapeDataString(venue)}/{Uri.EscapeDataString(orderId)}",
            new CancelView(order.OrderId, order.Venue, ApiText.Kebab(report.Status),
                "The venue accepted the cancel; ReconcileOrders records the final state and any last fills on its next run."));
    }

    private static async Task<Results<Ok<Page<FillView>>, ValidationProblem>> FillsAsync(OrderStore orders, string? venue, string? account, string? symbol,
        string? orderId, DateTimeOffset? from, DateTimeOffset? to, string? continuationToken, int? pageSize, CancellationToken ct)
    {
        var errors = new FieldErrors();
        var filter = new FillFilter
        {
            Venue = errors.Id(venue, "venue", required: false),
            Account = errors.Id(account, "account", required: false),
            Symbol = errors.Symbol(symbol),
            OrderId = errors.Id(orderId, "orderId", required: false),
            From = from,
            To = to,
        };
        errors.Window(from, to);
        var size = errors.PageSize(pageSize);
        if (errors.Any)
        {
            return errors.Problem();
        }

        var page = await orders.QueryFillsAsync(filter, continuationToken, size, ct);
        return TypedResults.Ok(new Page<FillView>([.. page.Items.Select(Fill)], page.ContinuationToken));
    }

    private static List<OrderState> States(string? status, FieldErrors errors)
    {
        var states = new List<OrderState>();
        foreach (var part in (status ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (string.Equals(part, Active, StringComparison.OrdinalIgnoreCase))
            {
                states.AddRange(Enum.GetValues<OrderState>().Where(s => !s.IsTerminal()));
            }
            else if (ApiText.ParseKebab<OrderState>(part) is { } state)
            {
                states.Add(state);
            }
            else
            {
                errors.Add("status", $"'{FieldErrors.Clip(part)}' is not one of {Active}, {ApiText.Names<OrderState>()}.");
            }
        }

        return [.. states.Distinct()];
    }

    public static OrderView View(TrackedOrder o)
    {
        ArgumentNullException.ThrowIfNull(o);
        return new OrderView(o.OrderId, o.ClientOrderId, o.Venue, o.Account, ApiText.Kebab(o.Mode), o.StrategyId, o.SignalId, o.Symbol.ToString(),
            ApiText.Kebab(o.Side), ApiText.Kebab(o.Type), o.Amount, o.LimitPrice, o.ReferencePrice, ApiText.Kebab(o.State), o.Filled,
            o.AveragePrice, o.FeeCost, o.FeeCurrency, o.ExchangeOrderId, o.Attempt, o.CreatedAt,
            o.UpdatedAt, o.Reason);
    }

    public static FillView Fill(StoredFill f)
    {
        ArgumentNullException.ThrowIfNull(f);
        return new FillView(f.OrderId, f.Fill.TradeId, f.Venue, f.Account, f.StrategyId, f.Symbol.ToString(), ApiText.Kebab(f.Side), f.Fill.Price,
            f.Fill.Amount, f.Fill.FeeCost, f.Fill.FeeCurrency, f.Fill.TakerOrMaker, f.Fill.Timestamp);
    }
}
