namespace TradingBot.Functions.Invocation;

/// <summary>Maps a function to <c>POST /{FunctionName}</c>, reachable only by the Functions host (see <see cref="InvocationGuard"/>).</summary>
public static class FunctionEndpoints
{
    public static RouteHandlerBuilder MapFunction<TFunction>(this IEndpointRouteBuilder app)
        where TFunction : class, IFunction =>
        app.MapPost("/" + typeof(TFunction).Name, (HttpContext http, FunctionInvoker invoker) => invoker.InvokeAsync<TFunction>(http))
            .AddEndpointFilter(async (context, next) =>
                InvocationGuard.IsHostInvocation(context.HttpContext.Request) ? await next(context) : Results.NotFound())
            .WithName(typeof(TFunction).Name)
            .ExcludeFromDescription();
}
