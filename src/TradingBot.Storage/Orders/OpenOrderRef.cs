namespace TradingBot.Storage.Orders;

/// <summary>An entry of the open-orders index: which order the reconciler must look at.</summary>
public sealed record OpenOrderRef(string Venue, string OrderId);
