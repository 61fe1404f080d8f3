using System.ComponentModel;
using Microsoft.Extensions.Configuration;

namespace TradingBot.Storage.Config;

/// <summary>
/// One configuration section read setting by setting the way the reflection-based binder reads it with
/// <c>ErrorOnUnknownConfiguration</c>: a key no property has is an error; a value goes through the framework's type
/// converter of its type (invariant culture); an empty value makes a nullable setting null and a <c>null</c> one makes
/// any setting its type's default; an absent key keeps the current value; a value where a section belongs is an
/// error; failures have the binder's messages. Written out because the handler is a Native AOT executable (issue 6)
/// and the binding generator cannot set the init-only properties of an existing record.
/// </summary>
internal sealed class SettingsSection
{
    private static readonly TypeConverter Decimals = new DecimalConverter();
    private static readonly TypeConverter Integers = new Int32Converter();
    private static readonly TypeConverter Booleans = new BooleanConverter();
    private static readonly TypeConverter Durations = new TimeSpanConverter();

    private readonly IConfiguration _section;

    /// <summary>Reads <paramref name="section"/> as a <paramref name="type"/>, whose properties are <paramref name="keys"/> (compared ignoring case).</summary>
    public SettingsSection(IConfiguration section, Type type, IEnumerable<string> keys)
    {
        _section = section;
        RejectUnknown(section, type, new HashSet<string>(keys, StringComparer.OrdinalIgnoreCase));
    }

    /// <summary>Whether <paramref name="section"/> has settings below it (the binder binds nothing otherwise).</summary>
    public static bool HasChildren(IConfiguration section) => section.GetChildren().Any();

    /// <summary>Refuses a value (not empty) in <paramref name="section"/>, where a <paramref name="type"/> with settings belongs.</summary>
    public static void RejectValue(IConfiguration section, Type type)
    {
        if (section is IConfigurationSection { Value: { Length: > 0 } value } child)
        {
            throw new InvalidOperationException($"Failed to convert configuration value '{value}' at '{child.Path}' to type '{type}'.");
        }
    }

    /// <summary>The binder's error for a failure inside a dictionary entry (it wraps the entry's own error).</summary>
    public static InvalidOperationException EntryFailed(Exception inner) =>
        new("'ErrorOnUnknownConfiguration' was set and binding has failed. The likely cause is an invalid configuration value.", inner);

    public IConfigurationSection Child(string key) => _section.GetSection(key);

    public decimal Decimal(string key, decimal current) => Read(key, current, Decimals);

    public decimal? Decimal(string key, decimal? current) => Read(key, current, Decimals);

    public int Integer(string key, int current) => Read(key, current, Integers);

    public int? Integer(string key, int? current) => Read(key, current, Integers);

    public bool Boolean(string key, bool current) => Read(key, current, Booleans);

    public TimeSpan Duration(string key, TimeSpan current) => Read(key, current, Durations);

    public TimeSpan? Duration(string key, TimeSpan? current) => Read(key, current, Durations);

    public TEnum Enum<TEnum>(string key, TEnum current)
        where TEnum : struct, Enum => Read(key, current, new EnumConverter(typeof(TEnum)));

    private T Read<T>(string key, T current, TypeConverter converter)
    {
        var child = _section.GetSection(key);
        var type = Nullable.GetUnderlyingType(typeof(T)) ?? typeof(T);
        if (TryGetValue(child, out var text))
        {
            if (text is null || (text.Length == 0 && type != typeof(T)))
            {
                return default!; // null for a nullable setting, else the type's default (as the binder sets it)
            }

            object? value;
            try
            {
                value = converter.ConvertFromInvariantString(text);
            }
            catch (Exception ex)
            {
                throw new InvalidOperationException($"Failed to convert configuration value '{text}' at '{child.Path}' to type '{type}'.", ex);
            }

            return (T)value!;
        }

        // A section where a value belongs: none of its keys is a setting of the value's type.
        RejectUnknown(child, type, []);
        return current;
    }

    /// <summary>The section's value, and whether it has one (a key set to <c>null</c> has one, which is null).</summary>
    private static bool TryGetValue(IConfigurationSection section, out string? value)
    {
        if (section is ConfigurationSection concrete)
        {
            return concrete.TryGetValue(key: null, out value);
        }

        value = section.Value;
        return value is not null;
    }

    private static void RejectUnknown(IConfiguration section, Type type, HashSet<string> keys)
    {
        var unknown = section.GetChildren().Where(c => !keys.Contains(c.Key)).Select(c => $"'{c.Key}'").ToList();
        if (unknown.Count > 0)
        {
            throw new InvalidOperationException(
                $"'ErrorOnUnknownConfiguration' was set on the provided BinderOptions, but the following properties were not found on the instance of {type}: {string.Join(", ", unknown)}");
        }
    }
}
