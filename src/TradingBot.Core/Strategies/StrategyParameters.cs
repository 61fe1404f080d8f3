using System.Collections;
using System.Globalization;

namespace TradingBot.Core.Strategies;

/// <summary>Validated parameter values for one strategy; every declared parameter has a value (its default if unset).</summary>
public sealed class StrategyParameters : IReadOnlyDictionary<string, double>
{
    private readonly SortedDictionary<string, double> _values;

    private StrategyParameters(SortedDictionary<string, double> values) => _values = values;

    public double this[string key] => _values[key];

    public IEnumerable<string> Keys => _values.Keys;

    public IEnumerable<double> Values => _values.Values;

    public int Count => _values.Count;

    /// <summary>
    /// Builds the full parameter set for <paramref name="declared"/> from <paramref name="overrides"/>.
    /// Unknown names and out-of-range values throw <see cref="ArgumentException"/> naming the parameter.
    /// </summary>
    public static StrategyParameters Create(IReadOnlyList<StrategyParameter> declared, IEnumerable<KeyValuePair<string, double>>? overrides = null)
    {
        var values = new SortedDictionary<string, double>(StringComparer.Ordinal);
        foreach (var parameter in declared)
        {
            values[parameter.Name] = parameter.Default;
        }

        foreach (var (name, value) in overrides ?? [])
        {
            var parameter = declared.FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase))
                ?? throw new ArgumentException(
                    $"Unknown parameter '{name}'. Known parameters: {string.Join(", ", declared.Select(p => p.Name))}.", nameof(overrides));
            var error = parameter.Validate(value);
            if (error is not null)
            {
                throw new ArgumentException($"Invalid parameter: {error}.", nameof(overrides));
            }

            values[parameter.Name] = value;
        }

        return new StrategyParameters(values);
    }

    public int GetInt(string name) => checked((int)_values[name]);

    public bool GetBool(string name) => _values[name] != 0.0;

    public bool ContainsKey(string key) => _values.ContainsKey(key);

    public bool TryGetValue(string key, out double value) => _values.TryGetValue(key, out value);

    public IEnumerator<KeyValuePair<string, double>> GetEnumerator() => _values.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary><c>fast=10,slow=30</c>: stable, invariant, used in reports and optimisation keys.</summary>
    public override string ToString() =>
        string.Join(",", _values.Select(kv => $"{kv.Key}={kv.Value.ToString(CultureInfo.InvariantCulture)}"));
}
