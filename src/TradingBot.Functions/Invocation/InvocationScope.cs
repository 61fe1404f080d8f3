using System.Collections;
using System.Globalization;

namespace TradingBot.Functions.Invocation;

/// <summary>
/// The logging scope of one invocation: structured key/value pairs for OpenTelemetry and Application Insights, and a
/// readable <see cref="ToString"/> (<c>EvaluateStrategies MessageId:… CorrelationId:…</c>) for console lines.
/// </summary>
public sealed class InvocationScope(IReadOnlyList<KeyValuePair<string, object?>> values) : IReadOnlyList<KeyValuePair<string, object?>>
{
    public int Count => values.Count;

    public KeyValuePair<string, object?> this[int index] => values[index];

    public IEnumerator<KeyValuePair<string, object?>> GetEnumerator() => values.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public override string ToString() =>
        string.Join(' ', values.Where(v => v.Value is not null).Select(v => string.Create(CultureInfo.InvariantCulture, $"{v.Key}:{v.Value}")));
}
