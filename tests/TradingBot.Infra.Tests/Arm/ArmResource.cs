using System.Text.Json.Nodes;

namespace TradingBot.Infra.Tests.Arm;

/// <summary>One resource the template would deploy, fully evaluated (runtime values kept as <see cref="ArmRuntimeValue"/> text).</summary>
internal sealed record ArmResource(string Type, string Name, string Id, string Deployment, JsonObject Body)
{
    public JsonObject Properties => Body["properties"] as JsonObject ?? [];

    /// <summary>The full id of the resource an extension resource (e.g. a role assignment) applies to, else null.</summary>
    public string? Scope => Body["scope"]?.GetValue<string>();

    /// <summary>The last segment of the name (<c>ns/topic/sub</c> → <c>sub</c>).</summary>
    public string ShortName => Name[(Name.LastIndexOf('/') + 1)..];

    public bool Is(string type) => string.Equals(Type, type, StringComparison.OrdinalIgnoreCase);

    public override string ToString() => $"{Type} {Name}";
}
