using TradingBot.Core.Strategies;

namespace TradingBot.Core.Tests.Strategies;

public sealed class StrategyCatalogTests
{
    [Fact]
    public void Names_Always_ListsTheThreeBuiltInStrategies()
    {
        var names = StrategyCatalog.Names.ToArray();

        Assert.Equal(["sma-cross", "mean-reversion", "breakout"], names);
    }

    [Theory]
    [InlineData("sma-cross")]
    [InlineData("SMA-Cross")]
    [InlineData("MEAN-REVERSION")]
    [InlineData("Breakout")]
    public void Get_AnyCase_ReturnsTheDefinition(string name)
    {
        var definition = StrategyCatalog.Get(name);

        Assert.Equal(name.ToLowerInvariant(), definition.Name);
    }

    [Fact]
    public void Get_UnknownName_ThrowsListingKnownStrategies()
    {
        Action act = () => StrategyCatalog.Get("golden-cross");

        var error = Assert.Throws<ArgumentException>(act);
        Assert.StartsWith("Unknown strategy 'golden-cross'. Known strategies: sma-cross, mean-reversion, breakout.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TryGet_UnknownName_ReturnsFalse()
    {
        var found = StrategyCatalog.TryGet("sma_cross", out _);

        Assert.False(found);
    }

    public static TheoryData<string> AllNames => [.. StrategyCatalog.Names];

    [Theory]
    [MemberData(nameof(AllNames))]
    public void Create_Defaults_BuildsTheNamedStrategyWithValidDefaults(string name)
    {
        var definition = StrategyCatalog.Get(name);

        var strategy = definition.Create();

        Assert.Equal(name, strategy.Name);
        Assert.All(definition.Parameters, p => Assert.Null(p.Validate(p.Default)));
        Assert.False(string.IsNullOrWhiteSpace(definition.Description));
    }

    [Fact]
    public void Create_SmaCrossDefaults_AreTenAndTwenty()
    {
        var definition = StrategyCatalog.Get("sma-cross");

        var parameters = definition.Parameterize();

        Assert.Equal("fast=10,slow=20", parameters.ToString());
        Assert.Equal(19, definition.Create(parameters).WarmupBars);
    }

    [Fact]
    public void Create_Overrides_ArePassedToTheStrategy()
    {
        var definition = StrategyCatalog.Get("sma-cross");

        var strategy = definition.Create([new("fast", 10), new("slow", 30)]);

        Assert.Equal(29, strategy.WarmupBars);
        Assert.Equal(["SMA(10)", "SMA(30)"], strategy.PlotNames);
    }

    [Fact]
    public void Create_SmaCrossFastNotBelowSlow_ThrowsArgumentException()
    {
        var definition = StrategyCatalog.Get("sma-cross");

        Action act = () => definition.Create([new("fast", 30), new("slow", 10)]);

        var error = Assert.Throws<ArgumentException>(act);
        Assert.Contains("fast (30) must be shorter than slow (10)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_MeanReversionOversoldAboveOverbought_ThrowsArgumentException()
    {
        var definition = StrategyCatalog.Get("mean-reversion");

        Action act = () => definition.Create([new("oversold", 80)]);

        Assert.Throws<ArgumentException>(act);
    }

    [Fact]
    public void Create_BreakoutWithShorts_TradesTheShortSide()
    {
        var definition = StrategyCatalog.Get("breakout");
        var candles = TradingBot.Testing.Candles.FromCloses(10, 10, 10, 5);

        var targets = StrategyFeed.Targets(definition.Create([new("entry", 3), new("exit", 2), new("allowShort", 1)]), candles);

        Assert.Equal([(3, TargetPosition.Short)], targets);
    }
}
