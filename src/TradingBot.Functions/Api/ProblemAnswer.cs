using System.Reflection;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc;

namespace TradingBot.Functions.Api;

/// <summary>
/// The API's 404 and 409 answers: ProblemDetails bodies sent as <c>application/problem+json</c> (RFC 9457) like every
/// other error, with the status and content type in the OpenAPI document (<c>TypedResults.NotFound(problem)</c> would
/// send <c>application/json</c>).
/// </summary>
public static class ProblemAnswer
{
    public const string ContentType = "application/problem+json";

    public static NotFoundProblem NotFound(string detail) => new(new ProblemDetails { Status = 404, Title = "Not found", Detail = detail });

    public static ConflictProblem Conflict(string title, string detail) => new(new ProblemDetails { Status = 409, Title = title, Detail = detail });

    internal static Task WriteAsync(HttpContext http, ProblemDetails problem) => TypedResults.Problem(problem).ExecuteAsync(http);

    internal static void Describe(EndpointBuilder builder, int status) =>
        builder.Metadata.Add(new ProducesResponseTypeMetadata(status, typeof(ProblemDetails), [ContentType]));
}

/// <summary>404 with a ProblemDetails body (<see cref="ProblemAnswer"/>).</summary>
public sealed class NotFoundProblem(ProblemDetails problem) : IResult, IStatusCodeHttpResult, IValueHttpResult<ProblemDetails>, IEndpointMetadataProvider
{
    public int? StatusCode => StatusCodes.Status404NotFound;

    public ProblemDetails Value => problem;

    public Task ExecuteAsync(HttpContext httpContext) => ProblemAnswer.WriteAsync(httpContext, problem);

    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder) => ProblemAnswer.Describe(builder, StatusCodes.Status404NotFound);
}

/// <summary>409 with a ProblemDetails body (<see cref="ProblemAnswer"/>).</summary>
public sealed class ConflictProblem(ProblemDetails problem) : IResult, IStatusCodeHttpResult, IValueHttpResult<ProblemDetails>, IEndpointMetadataProvider
{
    public int? StatusCode => StatusCodes.Status409Conflict;

    public ProblemDetails Value => problem;

    public Task ExecuteAsync(HttpContext httpContext) => ProblemAnswer.WriteAsync(httpContext, problem);

    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder) => ProblemAnswer.Describe(builder, StatusCodes.Status409Conflict);
}
