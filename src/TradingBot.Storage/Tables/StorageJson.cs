using System.Text.Json;
using System.Text.Json.Serialization;
using TradingBot.Core.Messages;

namespace TradingBot.Storage.Tables;

/// <summary>
/// JSON of records kept in one column (risk books, paper orders): the message contract (decimals as strings, UTC
/// times, symbols, kebab-case enums) with nulls written too, since those records have no optional fields.
/// </summary>
public static class StorageJson
{
    public static JsonSerializerOptions Options { get; } = new(MessageJson.Options) { DefaultIgnoreCondition = JsonIgnoreCondition.Never };

    /// <summary>Reads column <paramref name="column"/> of <paramref name="row"/> as <typeparamref name="T"/>; malformed JSON names the row.</summary>
    public static T Read<T>(Azure.Data.Tables.TableEntity row, string column)
    {
        ArgumentNullException.ThrowIfNull(row);
        try
        {
            return JsonSerializer.Deserialize<T>(row.GetText(column), Options) ?? throw new StoredDataException($"{TableValues.Where(row)} field {column}: null.");
        }
        catch (JsonException ex)
        {
            throw new StoredDataException($"{TableValues.Where(row)} field {column}: {ex.Message}", ex);
        }
    }

    public static string Write<T>(T value) => JsonSerializer.Serialize(value, Options);
}
