using System.Globalization;
using System.Text.Json;
using System.Xml;

namespace TradingBot.DevHost.Configuration;

/// <summary>What the DevHost uses of <c>host.json</c> (functions-custom-handler.md §1.1, §7.1).</summary>
public sealed record HostSettings(CustomHandlerDescription Handler, bool EnableForwardingHttpRequest, string RoutePrefix, TimeSpan? FunctionTimeout,
    ServiceBusHostOptions ServiceBus)
{
    public static HostSettings Read(string file)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(File.ReadAllText(file), new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        }
        catch (JsonException ex)
        {
            throw new ConfigurationException($"{file}: not valid JSON (line {ex.LineNumber + 1}): {ex.Message}", ex);
        }
        catch (FileNotFoundException ex)
        {
            throw new ConfigurationException($"{file}: missing. The Functions app folder must contain host.json (build src/TradingBot.Functions).", ex);
        }

        using (document)
        {
            var root = document.RootElement;
            var section = Child(root, "customHandler") ?? Child(root, "httpWorker")
                ?? throw new ConfigurationException($"{file}: no customHandler section; the DevHost runs custom-handler apps only.");
            var description = Child(section, "description") ?? throw new ConfigurationException($"{file}: customHandler.description is missing.");
            var executable = Text(description, "defaultExecutablePath");
            if (string.IsNullOrWhiteSpace(executable))
            {
                throw new ConfigurationException($"{file}: customHandler.description.defaultExecutablePath is required.");
            }

            var arguments = Child(description, "arguments") is { ValueKind: JsonValueKind.Array } list
                ? [.. list.EnumerateArray().Select(a => a.ValueKind == JsonValueKind.String
                    ? a.GetString()!
                    : throw new ConfigurationException($"{file}: customHandler.description.arguments must be strings."))]
                : Array.Empty<string>();
            var handler = new CustomHandlerDescription(executable, arguments, Text(description, "workingDirectory"), Text(description, "defaultWorkerPath"));
            var forwarding = Child(section, "enableForwardingHttpRequest") is { ValueKind: JsonValueKind.True };
            var extensions = Child(root, "extensions");
            var http = extensions is { } e ? Child(e, "http") : null;
            var prefix = http is { } h && Text(h, "routePrefix") is { } p ? p.Trim('/') : "api";
            var timeout = Text(root, "functionTimeout") is { } t ? Duration(file, "functionTimeout", t) : (TimeSpan?)null;
            var serviceBus = new ServiceBusHostOptions();
            if (extensions is { } ext && Child(ext, "serviceBus") is { } sb)
            {
                serviceBus = serviceBus with
                {
                    MaxConcurrentCalls = Child(sb, "maxConcurrentCalls") is { ValueKind: JsonValueKind.Number } calls
                        ? Positive(file, "extensions.serviceBus.maxConcurrentCalls", calls.GetInt32())
                        : serviceBus.MaxConcurrentCalls,
                    MaxAutoLockRenewalDuration = Text(sb, "maxAutoLockRenewalDuration") is { } renewal
                        ? Duration(file, "extensions.serviceBus.maxAutoLockRenewalDuration", renewal)
                        : serviceBus.MaxAutoLockRenewalDuration,
                    AutoCompleteMessages = Child(sb, "autoCompleteMessages") is not { ValueKind: JsonValueKind.False },
                };
            }

            return new HostSettings(handler, forwarding, prefix, timeout, serviceBus);
        }
    }

    /// <summary>A host.json duration: <c>hh:mm:ss</c> (or <c>d.hh:mm:ss</c>); <c>-1</c> means none.</summary>
    public static TimeSpan Duration(string file, string field, string text) =>
        TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out var value) && value > TimeSpan.Zero
            ? value
            : throw new ConfigurationException($"{file}: {field} '{text}' is not a positive duration (hh:mm:ss).");

    /// <summary>An ISO-8601 duration (<c>PT1M</c>, <c>P7D</c>), as the topology file and ARM use.</summary>
    public static TimeSpan IsoDuration(string file, string field, string text)
    {
        try
        {
            var value = XmlConvert.ToTimeSpan(text);
            return value > TimeSpan.Zero ? value : throw new FormatException("not positive");
        }
        catch (FormatException ex)
        {
            throw new ConfigurationException($"{file}: {field} '{text}' is not a positive ISO-8601 duration (e.g. PT1M, P7D).", ex);
        }
    }

    internal static JsonElement? Child(JsonElement element, string name)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        foreach (var property in element.EnumerateObject())
        {
            if (string.Equals(property.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                return property.Value;
            }
        }

        return null;
    }

    internal static string? Text(JsonElement element, string name) =>
        Child(element, name) is { ValueKind: JsonValueKind.String } value ? value.GetString() : null;

    private static int Positive(string file, string field, int value) =>
        value > 0 ? value : throw new ConfigurationException($"{file}: {field} must be at least 1, got {value}.");
}
