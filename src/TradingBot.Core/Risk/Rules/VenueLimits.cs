using TradingBot.Core.Exchange;

namespace TradingBot.Core.Risk.Rules;

/// <summary>
/// Applies the venue's rules through <see cref="OrderValidator"/>: the quantity is truncated to the amount step
/// and cut to the maximum amount; an order that is then below the minimum amount or notional is refused, never
/// rounded up. Runs last, so the approved quantity is exactly what will be sent.
/// </summary>
public sealed class VenueLimits : IEntryRule
{
    private const string ProbeOrderId = "risk-check";

    public RuleVerdict Check(EntryProposal proposal)
    {
        ArgumentNullException.ThrowIfNull(proposal);
        var request = proposal.Request;
        var market = request.Market;
        var limits = market.Limits.MarketAmount ?? market.Limits.Amount;
        var quantity = Precision.Truncate(proposal.Quantity, market.Precision.AmountStep);
        var note = $"truncated to the venue's amount step {Text.Number(market.Precision.AmountStep)}.";
        if (limits.Max is { } max && quantity > max)
        {
            quantity = Precision.Truncate(max, market.Precision.AmountStep);
            note = $"cut to the venue's maximum amount {Text.Number(max)}.";
        }

        try
        {
            var side = request.IsLong ? OrderSide.Buy : OrderSide.Sell;
            var order = new CreateOrderRequest(request.Symbol, OrderType.Market, side, ProbeOrderId) { Amount = quantity };
            var prepared = OrderValidator.Prepare(market, order, request.Price);
            var approved = prepared.Amount ?? quantity;
            return approved == proposal.Quantity ? RuleVerdict.Pass : RuleVerdict.Size(approved, $"venue-limits: quantity {Text.Number(proposal.Quantity)} {note}");
        }
        catch (MarketClosed ex)
        {
            return RuleVerdict.Reject(RiskReason.MarketClosed, ex.Message);
        }
        catch (InvalidOrder ex)
        {
            return RuleVerdict.Reject(Classify(market, quantity, request.Price), $"{ex.Message} The order is refused, not rounded up.");
        }
    }

    private static RiskReason Classify(Exchange.Market market, decimal quantity, decimal price)
    {
        var amount = market.Limits.MarketAmount ?? market.Limits.Amount;
        if (quantity <= 0m || (amount.Min is { } minAmount && quantity < minAmount))
        {
            return RiskReason.BelowMinAmount;
        }

        if (market.Limits.Cost.Min is { } minCost && quantity * price < minCost)
        {
            return RiskReason.BelowMinNotional;
        }

        return market.MarketOrdersAllowed ? RiskReason.VenueLimits : RiskReason.MarketClosed;
    }
}
