using System.Text.Json;

namespace TradingBot.Functions.Api;

/// <summary>How enum values read in the API (the message contract's kebab-case: <c>PartiallyFilled</c> → <c>partially-filled</c>).</summary>
public static class ApiText
{
    public static string Kebab<T>(T value)
        where T : struct, Enum => JsonNamingPolicy.KebabCaseLower.ConvertName(value.ToString());

    /// <summary>Parses a kebab-case (or PascalCase) enum value; null when it is not one of <typeparamref name="T"/>'s names.</summary>
    public static T? ParseKebab<T>(string text)
        where T : struct, Enum =>
        Enum.GetValues<T>().Cast<T?>().FirstOrDefault(v => string.Equals(Kebab(v!.Value), text, StringComparison.OrdinalIgnoreCase)
            || string.Equals(v!.Value.ToString(), text, StringComparison.OrdinalIgnoreCase));

    public static string Names<T>()
        where T : struct, Enum => string.Join(", ", Enum.GetValues<T>().Select(v => Kebab(v)));
}
