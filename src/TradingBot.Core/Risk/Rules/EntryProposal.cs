namespace TradingBot.Core.Risk.Rules;

/// <summary>What a rule checks: the request, the context, the strategy's limits and the quantity proposed so far (0 before sizing).</summary>
public sealed record EntryProposal(EntryRequest Request, RiskContext Context, StrategyRiskOptions Limits, decimal Quantity)
{
    /// <summary>The same-direction position already held in the symbol (0 when flat or opposite).</summary>
    public decimal HeldQuantity =>
        Context.Positions.TryGetValue(Request.Symbol, out var p) && p.IsLong == Request.IsLong ? Math.Abs(p.Quantity) : 0m;
}
