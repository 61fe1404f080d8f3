using System.Globalization;

namespace TradingBot.Core.Risk;

/// <summary>The validation checks shared by the risk options; every message names the setting by its configuration path.</summary>
internal readonly struct RiskSettingChecks(string path, List<string> errors)
{
    private string Name(string setting) => $"{path}:{setting}";

    public void FractionBelowOne(string setting, decimal? value)
    {
        if (value is { } v && (v <= 0m || v >= 1m))
        {
            errors.Add($"{Name(setting)} must be a fraction greater than 0 and less than 1 (0.05 = 5 %), got {F(v)}.");
        }
    }

    public void FractionUpToOne(string setting, decimal? value)
    {
        if (value is { } v && (v <= 0m || v > 1m))
        {
            errors.Add($"{Name(setting)} must be a fraction greater than 0 and at most 1 (0.25 = 25 %), got {F(v)}.");
        }
    }

    public void Positive(string setting, decimal? value)
    {
        if (value is { } v && v <= 0m)
        {
            errors.Add($"{Name(setting)} must be greater than 0, got {F(v)}.");
        }
    }

    public void AtLeastOne(string setting, int? value)
    {
        if (value is { } v && v < 1)
        {
            errors.Add($"{Name(setting)} must be at least 1, got {v}.");
        }
    }

    public void NotNegative(string setting, TimeSpan value)
    {
        if (value < TimeSpan.Zero)
        {
            errors.Add($"{Name(setting)} must not be negative, got {value}.");
        }
    }

    public void PositiveDuration(string setting, TimeSpan? value)
    {
        if (value is { } v && v <= TimeSpan.Zero)
        {
            errors.Add($"{Name(setting)} must be a positive duration such as 00:15:00, got {v}.");
        }
    }

    public void Defined<TEnum>(string setting, TEnum value)
        where TEnum : struct, Enum
    {
        if (!Enum.IsDefined(value))
        {
            errors.Add($"{Name(setting)} must be one of {string.Join(", ", Enum.GetNames<TEnum>())}, got {value}.");
        }
    }

    public void NotBoth(string first, decimal? a, string second, decimal? b)
    {
        if (a is not null && b is not null)
        {
            errors.Add($"{Name(first)} and {Name(second)} are exclusive: set one of them (the other to null).");
        }
    }

    public void RequiredFor(string setting, decimal? value, bool required, string mode)
    {
        if (required && value is null)
        {
            errors.Add($"{Name(setting)} is required with {mode}.");
        }
        else if (!required && value is not null)
        {
            errors.Add($"{Name(setting)} is only used with {mode}; remove it or change Sizing.");
        }
    }

    private static string F(decimal value) => value.ToString(CultureInfo.InvariantCulture);
}
