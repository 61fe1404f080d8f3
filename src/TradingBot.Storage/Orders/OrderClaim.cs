namespace TradingBot.Storage.Orders;

/// <summary>The outcome of claiming an order id: <see cref="Claimed"/> = we created the row; otherwise <see cref="Stored"/> is the earlier one.</summary>
public sealed record OrderClaim(bool Claimed, StoredOrder Stored);
