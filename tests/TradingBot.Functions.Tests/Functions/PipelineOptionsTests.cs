using Microsoft.Extensions.Options;
using TradingBot.Testing;

namespace TradingBot.Functions.Tests.Functions;

[Collection(AzuriteTests.Name)]
public sealed class PipelineOptionsTests(AzuriteFixture azurite)
{
    [Theory]
    [InlineData("Pipeline:ConfigCacheLifetime", "ConfigCacheLifetime")]
    [InlineData("Pipeline:CandleCacheLifetime", "CandleCacheLifetime")]
    [InlineData("Pipeline:RiskStateCacheLifetime", "RiskStateCacheLifetime")]
    [InlineData("Pipeline:PaperAccountCacheLifetime", "PaperAccountCacheLifetime")]
    public void Start_NegativeCacheLifetime_FailsNamingTheSetting(string key, string member)
    {
        var error = Assert.ThrowsAny<OptionsValidationException>(() => PipelineHost.Create(azurite, (key, "-00:00:01")).Dispose());

        Assert.Contains(member, error.Message, StringComparison.Ordinal);
    }
}
