namespace TradingBot.Functions.Api.Contracts;

/// <summary>
/// A cancel the venue accepted (<see cref="VenueStatus"/> as it reported). The order's row changes only through the
/// pipeline: ReconcileOrders records the final state and any last fills on its next run.
/// </summary>
public sealed record CancelView(string OrderId, string Venue, string VenueStatus, string Message);
