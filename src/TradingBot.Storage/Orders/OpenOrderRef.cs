namespace TradingBot.Storage.Orders;

/// <summary>An entry of the open-orders index: which order the reconciler must look at, and since when it is indexed.</summary>
public sealed record OpenOrderRef(string Venue, string OrderId, DateTimeOffset IndexedAt);
