namespace TradingBot.Core.Strategies;

/// <summary>One tunable parameter of a strategy, with its default and allowed range.</summary>
public sealed record StrategyParameter(string Name, double Default, double Min, double Max, bool IsInteger, string Description)
{
    /// <summary>Returns why <paramref name="value"/> is not allowed, or <see langword="null"/>.</summary>
    public string? Validate(double value)
    {
        if (double.IsNaN(value) || double.IsInfinity(value))
        {
            return $"{Name} must be a finite number";
        }

        if (IsInteger && value != Math.Floor(value))
        {
            return $"{Name} must be a whole number, got {value}";
        }

        return value < Min || value > Max ? $"{Name} must be between {Min} and {Max}, got {value}" : null;
    }
}
