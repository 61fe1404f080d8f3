using System.Globalization;
using TradingBot.Core.Strategies;

namespace TradingBot.Core.Tests.Strategies;

public sealed class StrategyParametersTests
{
    private static readonly StrategyParameter[] Declared =
    [
        new("slow", 20, 2, 10_000, true, "Slow period"),
        new("fast", 10, 1, 10_000, true, "Fast period"),
        new("k", 2, 0.1, 10, false, "Band width"),
        new("allowShort", 0, 0, 1, true, "Shorts"),
    ];

    [Fact]
    public void Create_NoOverrides_UsesEveryDefault()
    {
        var parameters = StrategyParameters.Create(Declared);

        Assert.Equal(4, parameters.Count);
        Assert.Equal(20.0, parameters["slow"]);
        Assert.Equal(10, parameters.GetInt("fast"));
        Assert.Equal(2.0, parameters["k"]);
        Assert.False(parameters.GetBool("allowShort"));
    }

    [Fact]
    public void Create_OverrideWithOtherCase_SetsTheDeclaredName()
    {
        var parameters = StrategyParameters.Create(Declared, [new("FAST", 5), new("AllowShort", 1)]);

        Assert.Equal(5, parameters.GetInt("fast"));
        Assert.True(parameters.GetBool("allowShort"));
        Assert.True(parameters.ContainsKey("fast"));
        Assert.False(parameters.ContainsKey("FAST"));
    }

    [Fact]
    public void Create_UnknownName_ThrowsListingKnownParameters()
    {
        Action act = () => StrategyParameters.Create(Declared, [new("fats", 5)]);

        var error = Assert.Throws<ArgumentException>(act);
        Assert.StartsWith("Unknown parameter 'fats'. Known parameters: slow, fast, k, allowShort.", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("fast", 0, "fast must be between 1 and 10000, got 0")]
    [InlineData("fast", 10_001, "fast must be between 1 and 10000, got 10001")]
    [InlineData("k", 0.05, "k must be between 0.1 and 10, got 0.05")]
    [InlineData("fast", 2.5, "fast must be a whole number, got 2.5")]
    [InlineData("allowShort", 2, "allowShort must be between 0 and 1, got 2")]
    [InlineData("k", double.NaN, "k must be a finite number")]
    [InlineData("k", double.PositiveInfinity, "k must be a finite number")]
    public void Create_InvalidValue_ThrowsNamingParameterAndRule(string name, double value, string expected)
    {
        Action act = () => StrategyParameters.Create(Declared, [new(name, value)]);

        var error = Assert.Throws<ArgumentException>(act);
        Assert.StartsWith($"Invalid parameter: {expected}.", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("fast", 1)]
    [InlineData("fast", 10_000)]
    [InlineData("k", 0.1)]
    [InlineData("k", 10)]
    [InlineData("k", 2.25)]
    public void Create_ValueOnRangeBoundaryOrFractionalForNonInteger_IsAccepted(string name, double value)
    {
        var parameters = StrategyParameters.Create(Declared, [new(name, value)]);

        Assert.Equal(value, parameters[name]);
    }

    [Fact]
    public void ToString_AnyDeclarationOrder_IsSortedByNameWithInvariantNumbers()
    {
        var previous = CultureInfo.CurrentCulture;
        var decimalComma = (CultureInfo)CultureInfo.InvariantCulture.Clone();
        decimalComma.NumberFormat.NumberDecimalSeparator = ",";
        CultureInfo.CurrentCulture = decimalComma;
        try
        {
            var parameters = StrategyParameters.Create(Declared, [new("k", 2.5), new("fast", 12)]);

            var text = parameters.ToString();

            Assert.Equal("allowShort=0,fast=12,k=2.5,slow=20", text);
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
    }

    [Fact]
    public void GetEnumerator_Always_EnumeratesInNameOrder()
    {
        var parameters = StrategyParameters.Create(Declared);

        var keys = parameters.Select(kv => kv.Key).ToArray();

        Assert.Equal(["allowShort", "fast", "k", "slow"], keys);
        Assert.Equal(keys, parameters.Keys);
        Assert.Equal([0.0, 10.0, 2.0, 20.0], parameters.Values);
    }

    [Fact]
    public void TryGetValue_UnknownName_ReturnsFalse()
    {
        var parameters = StrategyParameters.Create(Declared);

        var found = parameters.TryGetValue("medium", out _);

        Assert.False(found);
    }
}
