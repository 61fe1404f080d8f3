namespace TradingBot.DevHost.Configuration;

/// <summary>A function of the app: its folder name (the function name, also the handler's path) and its bindings.</summary>
public sealed record FunctionDefinition(string Name, IReadOnlyList<BindingDefinition> Bindings)
{
    public BindingDefinition Trigger => Bindings.Single(b => b.IsTrigger);

    public IEnumerable<BindingDefinition> Outputs => Bindings.Where(b => b.IsOutput);

    /// <summary>
    /// Forwarding applies only to a function with exactly one <c>httpTrigger</c> input and exactly one <c>http</c>
    /// output (<c>IsHttpInAndOutFunction</c>, §1.7); every other function gets JSON payloads.
    /// </summary>
    public bool IsHttpInAndOut =>
        Bindings.Count(b => b.Direction == "in") == 1 && Trigger.Type.Equals("httpTrigger", StringComparison.OrdinalIgnoreCase)
        && Bindings.Count(b => b.IsOutput) == 1 && Outputs.Single().Type.Equals("http", StringComparison.OrdinalIgnoreCase);
}
