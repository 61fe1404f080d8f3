using System.Globalization;
using Azure.Data.Tables;
using TradingBot.Core.Exchange;

namespace TradingBot.Storage.Tables;

/// <summary>
/// Typed column access on <see cref="TableEntity"/>. Decimals are stored as invariant strings (Tables has no
/// decimal type and the SDK silently reads one back as 0); times as UTC <see cref="DateTimeOffset"/>. A missing or
/// malformed column is a <see cref="StoredDataException"/> naming the row and field.
/// </summary>
public static class TableValues
{
    public static void SetDecimal(this TableEntity entity, string name, decimal value) => entity[name] = Precision.ToWire(value);

    public static void SetDecimal(this TableEntity entity, string name, decimal? value) =>
        entity[name] = value is { } v ? Precision.ToWire(v) : null;

    public static decimal GetDecimal(this TableEntity entity, string name) =>
        entity.GetDecimalOrNull(name) ?? throw Missing(entity, name);

    public static decimal? GetDecimalOrNull(this TableEntity entity, string name)
    {
        var text = entity.GetString(name);
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        return decimal.TryParse(text, NumberStyles.Number | NumberStyles.AllowExponent, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new StoredDataException($"{Where(entity)} field {name}: '{text}' is not a decimal.");
    }

    public static string GetText(this TableEntity entity, string name) =>
        entity.GetString(name) is { Length: > 0 } text ? text : throw Missing(entity, name);

    public static DateTimeOffset GetTime(this TableEntity entity, string name) =>
        entity.GetDateTimeOffset(name)?.ToUniversalTime() ?? throw Missing(entity, name);

    public static DateTimeOffset? GetTimeOrNull(this TableEntity entity, string name) => entity.GetDateTimeOffset(name)?.ToUniversalTime();

    public static T GetEnum<T>(this TableEntity entity, string name)
        where T : struct, Enum =>
        Enum.TryParse<T>(entity.GetText(name), ignoreCase: false, out var value) && Enum.IsDefined(value)
            ? value
            : throw new StoredDataException($"{Where(entity)} field {name}: '{entity.GetString(name)}' is not a {typeof(T).Name}.");

    public static string Where(TableEntity entity) => $"row ({entity.PartitionKey}, {entity.RowKey})";

    private static StoredDataException Missing(TableEntity entity, string name) => new($"{Where(entity)} field {name}: missing.");
}
