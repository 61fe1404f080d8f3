using System.Text.Json;

namespace TradingBot.DevHost.Configuration;

/// <summary>
/// A Functions app root as the host reads it (§7.1): <c>host.json</c> and every <c>&lt;Name&gt;/function.json</c> one
/// level below, <c>%Setting%</c> resolved, disabled functions (<c>"disabled": true</c> or the setting
/// <c>AzureWebJobs.&lt;Name&gt;.Disabled</c>) skipped.
/// </summary>
public sealed record FunctionApp(string Root, HostSettings Host, IReadOnlyList<FunctionDefinition> Functions, IReadOnlyList<string> Disabled)
{
    private static readonly string[] SupportedTriggers = ["timerTrigger", "serviceBusTrigger", "httpTrigger"];

    public static FunctionApp Load(string root, AppSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var host = HostSettings.Read(Path.Combine(root, "host.json"));
        var functions = new List<FunctionDefinition>();
        var disabled = new List<string>();
        foreach (var folder in Directory.EnumerateDirectories(root).Order(StringComparer.Ordinal))
        {
            var file = Path.Combine(folder, "function.json");
            if (!File.Exists(file))
            {
                continue;
            }

            var name = Path.GetFileName(folder);
            var function = Read(file, name, settings, out var isDisabled);
            if (isDisabled || string.Equals(settings.Get($"AzureWebJobs.{name}.Disabled") ?? settings.Get($"AzureWebJobs__{name}__Disabled"), "true",
                    StringComparison.OrdinalIgnoreCase))
            {
                disabled.Add(name);
                continue;
            }

            functions.Add(function);
        }

        if (functions.Count == 0 && disabled.Count == 0)
        {
            throw new ConfigurationException($"{root}: no <Name>/function.json found; this is not a built Functions app folder.");
        }

        return new FunctionApp(root, host, functions, disabled);
    }

    private static FunctionDefinition Read(string file, string name, AppSettings settings, out bool disabled)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(File.ReadAllText(file), new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip });
        }
        catch (JsonException ex)
        {
            throw new ConfigurationException($"{file}: not valid JSON (line {ex.LineNumber + 1}): {ex.Message}", ex);
        }

        using (document)
        {
            var root = document.RootElement;
            disabled = HostSettings.Child(root, "disabled") is { ValueKind: JsonValueKind.True };
            if (HostSettings.Child(root, "bindings") is not { ValueKind: JsonValueKind.Array } bindings)
            {
                throw new ConfigurationException($"{file}: 'bindings' must be an array.");
            }

            var list = new List<BindingDefinition>();
            var index = 0;
            foreach (var binding in bindings.EnumerateArray())
            {
                var where = $"{file}: bindings[{index++}]";
                var properties = new Dictionary<string, JsonElement>(StringComparer.OrdinalIgnoreCase);
                foreach (var property in binding.EnumerateObject())
                {
                    properties[property.Name] = property.Value.ValueKind == JsonValueKind.String
                        ? JsonSerializer.SerializeToElement(settings.Resolve(property.Value.GetString()!, $"{where}.{property.Name}"))
                        : property.Value.Clone();
                }

                string Required(string key) =>
                    properties.TryGetValue(key, out var value) && value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } text
                        ? text
                        : throw new ConfigurationException($"{where}: '{key}' is required.");

                var direction = Required("direction");
                if (direction is not ("in" or "out" or "inout"))
                {
                    throw new ConfigurationException($"{where}: direction must be in or out, got '{direction}'.");
                }

                list.Add(new BindingDefinition(Required("type"), direction, Required("name"), properties));
            }

            var triggers = list.Where(b => b.IsTrigger).ToList();
            if (triggers.Count != 1)
            {
                throw new ConfigurationException($"{file}: a function needs exactly one trigger binding, found {triggers.Count}.");
            }

            if (!SupportedTriggers.Contains(triggers[0].Type, StringComparer.OrdinalIgnoreCase))
            {
                throw new ConfigurationException(
                    $"{file}: trigger type '{triggers[0].Type}' is not emulated by the DevHost (supported: {string.Join(", ", SupportedTriggers)}).");
            }

            foreach (var output in list.Where(b => b.IsOutput || b.Direction == "in" && !b.IsTrigger))
            {
                if (!output.Type.Equals("serviceBus", StringComparison.OrdinalIgnoreCase) && !output.Type.Equals("http", StringComparison.OrdinalIgnoreCase))
                {
                    throw new ConfigurationException($"{file}: binding '{output.Name}' of type '{output.Type}' is not emulated by the DevHost (serviceBus and http are).");
                }
            }

            return new FunctionDefinition(name, list);
        }
    }
}
