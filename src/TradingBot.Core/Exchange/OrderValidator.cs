namespace TradingBot.Core.Exchange;

/// <summary>
/// Applies a market's precision and limits to an order <b>before</b> it is sent: the amount is truncated to the
/// step, a buy limit price is rounded down and a sell limit price up to the tick (never worse than asked), then
/// min/max amount, price and cost (notional) are checked. Anything out of bounds throws <see cref="InvalidOrder"/>
/// with the numbers; nothing is ever rounded up to reach a minimum.
/// </summary>
public static class OrderValidator
{
    /// <param name="referencePrice">For market orders: the price used for the notional check (e.g. the ask for a buy).</param>
    public static CreateOrderRequest Prepare(Market market, CreateOrderRequest request, decimal? referencePrice = null)
    {
        ArgumentNullException.ThrowIfNull(market);
        ArgumentNullException.ThrowIfNull(request);
        var symbol = request.Symbol.ToString();
        if (string.IsNullOrWhiteSpace(request.ClientOrderId))
        {
            throw new InvalidOrder($"{symbol}: every order needs a client order id.");
        }

        if (!market.Active)
        {
            throw new MarketClosed($"{symbol} is not active on the venue.");
        }

        if (request.Type == OrderType.Market && !market.MarketOrdersAllowed)
        {
            throw new InvalidOrder($"{symbol} does not accept market orders right now.");
        }

        decimal? price = null;
        if (request.Type == OrderType.Limit)
        {
            if (request.Price is not { } limit || limit <= 0m)
            {
                throw new InvalidOrder($"{symbol}: a limit order needs a positive price.");
            }

            price = request.Side == OrderSide.Buy
                ? Precision.Floor(limit, market.Precision.PriceTick)
                : Precision.Ceiling(limit, market.Precision.PriceTick);
            if (price <= 0m)
            {
                throw new InvalidOrder($"{symbol}: price {F(limit)} is below the price tick {F(market.Precision.PriceTick)}.");
            }

            CheckRange(symbol, "price", price.Value, market.Limits.Price);
        }
        else if (request.Price is not null)
        {
            throw new InvalidOrder($"{symbol}: a market order takes no price.");
        }
        else if (request.PostOnly)
        {
            throw new InvalidOrder($"{symbol}: only a limit order can be post-only.");
        }

        if (request.QuoteAmount is { } quote)
        {
            if (request.Type != OrderType.Market || request.Side != OrderSide.Buy || request.Amount is not null)
            {
                throw new InvalidOrder($"{symbol}: a quote amount is only for market buys, instead of a base amount.");
            }

            var costStep = market.Precision.CostStep ?? market.Precision.PriceTick;
            var cost = Precision.Truncate(quote, costStep);
            if (cost <= 0m)
            {
                throw new InvalidOrder($"{symbol}: quote amount {F(quote)} is below the cost step {F(costStep)}.");
            }

            CheckRange(symbol, "cost", cost, market.Limits.Cost);
            return request with { QuoteAmount = cost };
        }

        if (request.Amount is not { } requested || requested <= 0m)
        {
            throw new InvalidOrder($"{symbol}: the amount must be positive.");
        }

        var amount = Precision.Truncate(requested, market.Precision.AmountStep);
        if (amount <= 0m)
        {
            throw new InvalidOrder(
                $"{symbol}: amount {F(requested)} must be greater than the minimum amount precision {F(market.Precision.AmountStep)}.");
        }

        var amountLimits = request.Type == OrderType.Market ? market.Limits.MarketAmount ?? market.Limits.Amount : market.Limits.Amount;
        CheckRange(symbol, "amount", amount, amountLimits);

        var notionalPrice = price ?? referencePrice;
        if (notionalPrice is { } p)
        {
            CheckRange(symbol, "cost (price × amount)", amount * p, market.Limits.Cost);
        }

        return request with { Amount = amount, Price = price };
    }

    private static void CheckRange(string symbol, string what, decimal value, MinMax limits)
    {
        if (limits.Min is { } min && value < min)
        {
            throw new InvalidOrder($"{symbol}: {what} {F(value)} is below the minimum {F(min)}.");
        }

        if (limits.Max is { } max && value > max)
        {
            throw new InvalidOrder($"{symbol}: {what} {F(value)} is above the maximum {F(max)}.");
        }
    }

    private static string F(decimal value) => Precision.ToWire(value);
}
