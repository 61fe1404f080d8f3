using TradingBot.Core.Risk;
using TradingBot.Core.Risk.Rules;
using TradingBot.Core.Risk.Sizing;
using static TradingBot.Testing.RiskContexts;

namespace TradingBot.Core.Tests.Risk.Sizing;

/// <summary>The three sizing modes, each computed from the signal bar's close.</summary>
public sealed class PositionSizingTests
{
    [Theory]
    [InlineData(100, 50, 2)]
    [InlineData(250, 1_000, 0.25)]
    public void FixedQuote_QuantityIsAmountOverPrice(decimal amount, decimal price, decimal expected)
    {
        var limits = new StrategyRiskOptions { Sizing = SizingMode.FixedQuote, QuoteAmount = amount };

        var verdict = new FixedQuoteSizing().Size(new EntryProposal(Buy(Btc, price), Flat(), limits, 0m));

        Assert.Equal(expected, verdict.Quantity);
    }

    [Theory]
    [InlineData(10_000, 0.25, 100, 25)]
    [InlineData(10_000, 1, 100, 100)]
    [InlineData(8_000, 0.1, 400, 2)]
    public void EquityFraction_QuantityIsEquityShareOverPrice(decimal equity, decimal fraction, decimal price, decimal expected)
    {
        var limits = new StrategyRiskOptions { EquityFraction = fraction };

        var verdict = new EquityFractionSizing().Size(new EntryProposal(Buy(Btc, price), Flat(equity), limits, 0m));

        Assert.Equal(expected, verdict.Quantity);
    }

    [Fact]
    public void EquityFraction_NoEquity_IsInsufficientCash()
    {
        var verdict = new EquityFractionSizing().Size(new EntryProposal(Buy(Btc, 100m), Flat() with { Equity = 0m }, new StrategyRiskOptions(), 0m));

        Assert.Equal(RiskReason.InsufficientCash, verdict.Reason);
    }

    [Theory]
    [InlineData(10_000, 0.01, 2, 5, 10)]
    [InlineData(10_000, 0.02, 1, 50, 4)]
    public void Volatility_RisksTheShareOfEquityOverAtrMultiples(decimal equity, decimal risk, decimal multiple, decimal atr, decimal expected)
    {
        var limits = new StrategyRiskOptions { Sizing = SizingMode.Volatility, RiskPerTrade = risk, SizingAtrMultiple = multiple };

        var verdict = new VolatilitySizing().Size(new EntryProposal(Buy(Btc, 100m) with { Atr = atr }, Flat(equity), limits, 0m));

        Assert.Equal(expected, verdict.Quantity);
    }

    [Theory]
    [InlineData(null)]
    [InlineData(0)]
    public void Volatility_NoAtr_IsVolatilityUnavailable(int? atr)
    {
        var limits = new StrategyRiskOptions { Sizing = SizingMode.Volatility, RiskPerTrade = 0.01m, SizingAtrMultiple = 2m };

        var verdict = new VolatilitySizing().Size(new EntryProposal(Buy(Btc, 100m) with { Atr = atr }, Flat(), limits, 0m));

        Assert.Equal(RiskReason.VolatilityUnavailable, verdict.Reason);
    }
}
