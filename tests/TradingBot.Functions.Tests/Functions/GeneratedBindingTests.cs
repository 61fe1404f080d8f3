using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using TradingBot.Backtesting.Paper;
using TradingBot.Functions.Api;
using TradingBot.Functions.Pipeline;
using TradingBot.Testing;

namespace TradingBot.Functions.Tests.Functions;

/// <summary>
/// The handler binds its settings with generated code (Native AOT), which binds only settable properties and keeps
/// property defaults for absent keys: the settings still reach the app, over the defaults.
/// </summary>
[Collection(AzuriteTests.Name)]
public sealed class GeneratedBindingTests(AzuriteFixture azurite)
{
    [Fact]
    public void PaperVenueSection_OverridesTheGivenSettings_KeepsTheOtherDefaults()
    {
        using var host = PipelineHost.Create(azurite, ("Venues:Paper:TakerFee", "0.002"), ("Venues:Paper:InitialBalances:BTC", "1.5"));

        var paper = host.Services.GetRequiredService<PaperOptions>();

        Assert.Equal(0.002m, paper.TakerFee);
        Assert.Equal(new PaperOptions().MakerFee, paper.MakerFee);
        Assert.Equal(new PaperOptions().Slippage, paper.Slippage);
        Assert.Equal(1.5m, paper.InitialBalances["BTC"]);
        Assert.Equal(10_000m, paper.InitialBalances["USDT"]);
    }

    [Fact]
    public void PipelineAndApiSections_ReachTheirOptions()
    {
        using var host = PipelineHost.Create(azurite, ("Pipeline:ConfigCacheLifetime", "00:00:07"), ("Pipeline:MaxSubmitAttempts", "4"),
            ("Api:MutationsPerMinute", "12"));

        var pipeline = host.Services.GetRequiredService<IOptions<PipelineOptions>>().Value;
        var api = host.Services.GetRequiredService<IOptions<ApiOptions>>().Value;

        Assert.Equal((TimeSpan.FromSeconds(7), 4, new PipelineOptions().MaxResubmitAge), (pipeline.ConfigCacheLifetime, pipeline.MaxSubmitAttempts, pipeline.MaxResubmitAge));
        Assert.Equal(12, api.MutationsPerMinute);
    }

    [Theory]
    [InlineData("Pipeline:MaxSubmitAttempts", "0", "MaxSubmitAttempts")]
    [InlineData("Api:MaxBacktestBars", "5", "MaxBacktestBars")]
    public void Start_AValueOutOfItsRange_FailsNamingTheSetting(string key, string value, string member)
    {
        var error = Assert.ThrowsAny<OptionsValidationException>(() => PipelineHost.Create(azurite, (key, value)).Dispose());

        Assert.Contains(member, error.Message, StringComparison.Ordinal);
    }
}
