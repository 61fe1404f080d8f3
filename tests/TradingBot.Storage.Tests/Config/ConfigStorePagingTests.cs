using TradingBot.Core.Market;
using TradingBot.Storage.Config;
using TradingBot.Storage.Tables;
using TradingBot.Testing;

namespace TradingBot.Storage.Tests.Config;

[Collection(AzuriteTests.Name)]
public sealed class ConfigStorePagingTests(AzuriteFixture azurite)
{
    private readonly ConfigStore _config = new(StoreFactory.Tables(azurite));

    private static StrategyConfig Strategy(string id) => new(id, "sma-cross", "binance", Symbol.Parse("BTC/USDT"), Timeframe.OneMinute);

    [Fact]
    public async Task AddStrategy_ExistingId_ReturnsNullAndKeepsTheFirst()
    {
        var first = await _config.AddStrategyAsync(Strategy("a"), default);
        var second = await _config.AddStrategyAsync(Strategy("a") with { Venue = "coinbase" }, default);

        Assert.NotNull(first?.ETag);
        Assert.Null(second);
        Assert.Equal("binance", (await _config.GetStrategyAsync("a", default))!.Venue);
    }

    [Fact]
    public async Task PageStrategies_ContinuationToken_ContinuesWhereThePageStopped()
    {
        foreach (var id in new[] { "a", "b", "c" })
        {
            await _config.AddStrategyAsync(Strategy(id), default);
        }

        var first = await _config.PageStrategiesAsync(null, 2, default);
        var second = await _config.PageStrategiesAsync(first.ContinuationToken, 2, default);

        Assert.Equal(["a", "b"], first.Items.Select(s => s.Id));
        Assert.Equal(["c"], second.Items.Select(s => s.Id));
        Assert.Null(second.ContinuationToken);
    }

    [Theory]
    [InlineData("%%%")]
    [InlineData("bm8tc3BhY2U")]
    public async Task PageStrategies_TokenNotIssuedByUs_IsRefused(string token)
    {
        await Assert.ThrowsAsync<InvalidContinuationTokenException>(() => _config.PageStrategiesAsync(token, 2, default));
    }
}
