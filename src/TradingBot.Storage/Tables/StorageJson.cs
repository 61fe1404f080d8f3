using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using TradingBot.Core.Json;
using TradingBot.Core.Messages;

namespace TradingBot.Storage.Tables;

/// <summary>
/// JSON of records kept in one column (risk books, paper orders): the message contract (decimals as strings, UTC
/// times, symbols, kebab-case enums) with nulls written too, since those records have no optional fields. Only the
/// generated contracts of <see cref="StorageJsonContext"/> and <see cref="MessageJsonContext"/> are used (no
/// reflection): a type missing from them fails at its first use.
/// </summary>
public static class StorageJson
{
    public static JsonSerializerOptions Options { get; } = CreateOptions();

    /// <summary>Reads column <paramref name="column"/> of <paramref name="row"/> as <typeparamref name="T"/>; malformed JSON names the row.</summary>
    public static T Read<T>(Azure.Data.Tables.TableEntity row, string column)
    {
        ArgumentNullException.ThrowIfNull(row);
        try
        {
            return JsonSerializer.Deserialize(row.GetText(column), JsonContracts.Of<T>(Options))
                ?? throw new StoredDataException($"{TableValues.Where(row)} field {column}: null.");
        }
        catch (JsonException ex)
        {
            throw new StoredDataException($"{TableValues.Where(row)} field {column}: {ex.Message}", ex);
        }
    }

    public static string Write<T>(T value) => JsonSerializer.Serialize(value, JsonContracts.Of<T>(Options));

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions(MessageJson.Options)
        {
            DefaultIgnoreCondition = JsonIgnoreCondition.Never,
            TypeInfoResolver = JsonTypeInfoResolver.Combine(StorageJsonContext.Default, MessageJsonContext.Default),
        };
        options.MakeReadOnly();
        return options;
    }
}
