using Microsoft.AspNetCore.Routing.Template;
using TradingBot.DevHost.Configuration;

namespace TradingBot.DevHost.Http;

/// <summary>An HTTP-triggered function's route under the prefix (<c>{prefix}/{route ?? name}</c>) and methods (§2, §7.7).</summary>
public sealed class FunctionRoute
{
    private readonly TemplateMatcher _matcher;

    public FunctionRoute(FunctionDefinition function, string prefix)
    {
        ArgumentNullException.ThrowIfNull(function);
        Function = function;
        var route = (function.Trigger.Text("route") ?? function.Name).Trim('/');
        Template = prefix.Length == 0 ? route : route.Length == 0 ? prefix : $"{prefix}/{route}";
        var parsed = TemplateParser.Parse(Template);
        _matcher = new TemplateMatcher(parsed, []);
        Precedence = RoutePrecedence.ComputeInbound(parsed);
        Methods = function.Trigger.Methods;
    }

    public FunctionDefinition Function { get; }

    public string Template { get; }

    /// <summary>Lower is more specific (ASP.NET Core's inbound precedence): matched first.</summary>
    public decimal Precedence { get; }

    public IReadOnlyList<string> Methods { get; }

    public bool TryMatch(PathString path, string method, out RouteValueDictionary values)
    {
        values = [];
        return (Methods.Count == 0 || Methods.Contains(method, StringComparer.OrdinalIgnoreCase)) && _matcher.TryMatch(path, values);
    }
}
