using System.Globalization;
using System.Reflection;

namespace TradingBot.Functions.Api;

/// <summary>
/// Keeps the answer to a query value of the wrong type (<c>?pageSize=ten</c>) now that the endpoints are built by the
/// Request Delegate Generator (cold start, docs/performance.md). The reflection binder threw
/// <see cref="BadHttpRequestException"/> (<c>Failed to bind parameter "Nullable&lt;int&gt; pageSize" from "ten".</c>)
/// for the first parameter that did not parse, which <see cref="ApiExceptionHandler"/> answers with a problem naming
/// the field and what the value must be. For a nullable parameter the generated code only sets a bare 400 and runs the
/// endpoint's filters: this filter, on every endpoint with such parameters (a test checks each one), sees that 400 and
/// throws what the reflection binder threw, parsing the values as both binders do.
/// </summary>
internal static class QueryBinding
{
    private static readonly Dictionary<Type, (string Name, Func<string, bool> Parses)> Parsers = new()
    {
        [typeof(int)] = ("int", s => int.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out _)),
        [typeof(long)] = ("long", s => long.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out _)),
        [typeof(bool)] = ("bool", s => bool.TryParse(s, out _)),
        [typeof(DateTimeOffset)] = ("DateTimeOffset", s =>
            DateTimeOffset.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AllowWhiteSpaces, out _)),
    };

    /// <summary>The endpoint filter factory: <c>group.AddEndpointFilterFactory(QueryBinding.Filter)</c>.</summary>
    public static EndpointFilterDelegate Filter(EndpointFilterFactoryContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        var parameters = NullableParsable(context.MethodInfo);
        if (parameters.Length == 0)
        {
            return next;
        }

        return invocation => invocation.HttpContext.Response.StatusCode == StatusCodes.Status400BadRequest
            && FirstUnparsable(invocation.HttpContext, parameters) is { } failure
                ? throw failure
                : next(invocation);
    }

    /// <summary>The nullable parameters of a type the binder parses from the query (<c>int?</c>, <c>long?</c>, <c>bool?</c>, <c>DateTimeOffset?</c>), in order.</summary>
    public static (string Name, Type Type)[] NullableParsable(MethodInfo method)
    {
        ArgumentNullException.ThrowIfNull(method);
        return [.. method.GetParameters()
            .Select(p => (Name: p.Name!, Type: Nullable.GetUnderlyingType(p.ParameterType)))
            .Where(p => p.Type is not null && Parsers.ContainsKey(p.Type))
            .Select(p => (p.Name, p.Type!))];
    }

    private static BadHttpRequestException? FirstUnparsable(HttpContext http, (string Name, Type Type)[] parameters)
    {
        foreach (var (name, type) in parameters)
        {
            var value = http.Request.RouteValues.TryGetValue(name, out var route) ? route?.ToString() : (string?)http.Request.Query[name];
            var (typeName, parses) = Parsers[type];
            if (!string.IsNullOrEmpty(value) && !parses(value))
            {
                return new BadHttpRequestException($"Failed to bind parameter \"Nullable<{typeName}> {name}\" from \"{value}\".");
            }
        }

        return null;
    }
}
