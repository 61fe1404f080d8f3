using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Diagnostics;
using TradingBot.Storage.Tables;

namespace TradingBot.Functions.Api;

/// <summary>
/// Turns what escapes an API handler into ProblemDetails: unreadable JSON and unbindable query values become 400 with
/// the field and the reason; a continuation token we did not issue is a 400; a lost ETag race a 412; anything else a
/// 500 that says nothing about the internals (the exception is logged, never returned).
/// </summary>
public sealed partial class ApiExceptionHandler(IProblemDetailsService problems, ILogger<ApiExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        ArgumentNullException.ThrowIfNull(exception);
        if (!httpContext.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var (status, title, errors) = exception switch
        {
            BadHttpRequestException { InnerException: JsonException json } => (400, "The request body is not valid.", Errors(JsonField(json), JsonReason(json))),
            BadHttpRequestException bad when Binding().Match(bad.Message) is { Success: true } m =>
                (400, "The request is not valid.", Errors(m.Groups["name"].Value, $"'{FieldErrors.Clip(m.Groups["value"].Value)}' is not a valid {Describe(m.Groups["type"].Value)}.")),
            BadHttpRequestException bad => (bad.StatusCode, bad.StatusCode == 413 ? "The request body is too large." : "The request is not valid.",
                Errors("body", bad.Message)),
            InvalidContinuationTokenException token => (400, "The request is not valid.", Errors("continuationToken", token.Message)),
            ConcurrencyConflictException => (412, "Precondition failed", null),
            _ => (500, "Unexpected error", null),
        };
        if (status == 500)
        {
            logger.ApiFailed(exception, httpContext.Request.Method, httpContext.Request.Path.Value ?? "", exception.GetType().Name);
        }

        httpContext.Response.StatusCode = status;
        var details = errors is null
            ? new Microsoft.AspNetCore.Mvc.ProblemDetails { Status = status, Title = title, Detail = status == 412 ? "The resource was changed by someone else; read it again." : null }
            : new HttpValidationProblemDetails(errors) { Status = status, Title = title };
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = details, Exception = exception });
    }

    private static Dictionary<string, string[]> Errors(string field, string reason) => new(StringComparer.Ordinal) { [field] = [reason] };

    /// <summary><c>$.parameters.fast</c> → <c>parameters.fast</c>; the body itself when there is no path.</summary>
    private static string JsonField(JsonException json) =>
        string.IsNullOrEmpty(json.Path) || json.Path == "$" ? UnmappedProperty(json.Message) ?? "body" : json.Path.TrimStart('$', '.');

    /// <summary>The first sentence of the serializer's message, without type names of ours.</summary>
    public static string JsonReason(JsonException json)
    {
        ArgumentNullException.ThrowIfNull(json);
        if (UnmappedProperty(json.Message) is { } property)
        {
            return $"'{property}' is not a field of this request.";
        }

        if (json.Message.Contains("missing required properties", StringComparison.Ordinal))
        {
            var names = Required().Match(json.Message);
            return names.Success ? $"required field(s) missing: {names.Groups[1].Value}." : "a required field is missing.";
        }

        var message = json.Message;
        var cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        message = cut > 0 ? message[..cut] : message;
        return message.Contains("TradingBot.", StringComparison.Ordinal) || message.Contains("System.", StringComparison.Ordinal)
            ? "has a value of the wrong type."
            : message;
    }

    private static string? UnmappedProperty(string message) =>
        Unmapped().Match(message) is { Success: true } m ? m.Groups[1].Value : null;

    /// <summary>The binder names a nullable parameter's type <c>Nullable&lt;int&gt;</c>: say what the value must be instead.</summary>
    private static string Describe(string type) => Nullable().Replace(type.TrimEnd('?'), "$1") switch
    {
        "int" or "Int32" or "long" or "Int64" => "whole number",
        "bool" or "Boolean" => "boolean (true or false)",
        "DateTimeOffset" => "time (ISO-8601 such as 2026-01-10T12:00:00Z)",
        "decimal" or "Decimal" => "decimal number",
        var other => other,
    };

    [GeneratedRegex("""parameter "(?<type>[^"]+?) (?<name>[A-Za-z0-9_]+)" from "(?<value>[^"]*)""")]
    private static partial Regex Binding();

    [GeneratedRegex("^Nullable<(.+)>$")]
    private static partial Regex Nullable();

    [GeneratedRegex("The JSON property '([^']+)' could not be mapped")]
    private static partial Regex Unmapped();

    [GeneratedRegex("missing required properties including: (.+?)\\.?(?: Path|$)")]
    private static partial Regex Required();
}
