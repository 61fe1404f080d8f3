using System.Collections;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace TradingBot.DevHost.Configuration;

/// <summary>
/// The app settings of a local run, as the Functions host would see them: built-in defaults, then the <c>Values</c> of
/// <c>local.settings.json</c> (or of <c>local.settings.example.json</c> when there is none), then the process
/// environment (which wins, as with Core Tools), then explicit overrides. Keys use the environment form
/// (<c>Pipeline__MaxDeliveryCount</c>); <see cref="Get"/> also accepts the <c>:</c> form. Resolves <c>%Setting%</c> tokens.
/// </summary>
public sealed partial class AppSettings : IEnumerable<KeyValuePair<string, string>>
{
    private readonly Dictionary<string, string> _values;

    public AppSettings(IEnumerable<KeyValuePair<string, string>> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        _values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (key, value) in values)
        {
            _values[Normalize(key)] = value;
        }
    }

    public int Count => _values.Count;

    /// <summary>The value of <paramref name="key"/> (<c>A__B</c> or <c>A:B</c>), or null when unset or empty.</summary>
    public string? Get(string key) => _values.TryGetValue(Normalize(key), out var value) && value.Length > 0 ? value : null;

    /// <summary>A copy with <paramref name="overrides"/> applied (later wins).</summary>
    public AppSettings With(IEnumerable<KeyValuePair<string, string>> overrides) => new(_values.Concat(overrides));

    /// <summary>
    /// Replaces every <c>%Name%</c> in <paramref name="text"/> with its setting. An unresolved token is an error naming
    /// <paramref name="where"/> (the real host refuses to index such a function).
    /// </summary>
    public string Resolve(string text, string where)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Token().Replace(text, match => Get(match.Groups[1].Value)
            ?? throw new ConfigurationException($"{where}: '%{match.Groups[1].Value}%' does not resolve to a value (set it in local.settings.json or the environment)."));
    }

    /// <summary>
    /// Reads the settings of a local run: the example file (<c>local.settings.example.json</c> next to
    /// <paramref name="settingsFile"/>), then <paramref name="localDefaults"/> (the DevHost's local-run defaults), then
    /// the user's own <paramref name="settingsFile"/> (<c>local.settings.json</c>, when it exists), then the process
    /// environment.
    /// </summary>
    public static AppSettings Load(string settingsFile, IEnumerable<KeyValuePair<string, string>> localDefaults, IDictionary environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var values = new List<KeyValuePair<string, string>>();
        var example = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(settingsFile)) ?? ".", "local.settings.example.json");
        if (File.Exists(example))
        {
            values.AddRange(ReadValues(example));
        }

        values.AddRange(localDefaults);
        if (File.Exists(settingsFile))
        {
            values.AddRange(ReadValues(settingsFile));
        }

        foreach (DictionaryEntry entry in environment)
        {
            if (entry.Key is string key && entry.Value is string value)
            {
                values.Add(KeyValuePair.Create(key, value));
            }
        }

        return new AppSettings(values);
    }

    /// <summary>The <c>Values</c> object of a local settings file (strings only, as Core Tools requires).</summary>
    public static IReadOnlyList<KeyValuePair<string, string>> ReadValues(string file)
    {
        try
        {
            using var document = JsonDocument.Parse(File.ReadAllText(file), new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip });
            if (!document.RootElement.TryGetProperty("Values", out var values) || values.ValueKind != JsonValueKind.Object)
            {
                throw new ConfigurationException($"{file}: expected an object 'Values' with the app settings.");
            }

            var result = new List<KeyValuePair<string, string>>();
            foreach (var property in values.EnumerateObject())
            {
                result.Add(KeyValuePair.Create(property.Name, property.Value.ValueKind switch
                {
                    JsonValueKind.String => property.Value.GetString()!,
                    JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => property.Value.GetRawText(),
                    _ => throw new ConfigurationException($"{file}: Values.{property.Name} must be a string, not {property.Value.ValueKind}."),
                }));
            }

            return result;
        }
        catch (JsonException ex)
        {
            throw new ConfigurationException($"{file}: not valid JSON (line {ex.LineNumber + 1}): {ex.Message}", ex);
        }
    }

    public IEnumerator<KeyValuePair<string, string>> GetEnumerator() => _values.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private static string Normalize(string key) => key.Replace(":", "__", StringComparison.Ordinal);

    [GeneratedRegex("%([^%\\s]+)%")]
    private static partial Regex Token();
}
