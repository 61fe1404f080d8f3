namespace TradingBot.Exchanges;

/// <summary>Marks that an adapter is registered for <see cref="Venue"/> (its <c>IExchange</c> is a keyed service under that id).</summary>
public sealed record VenueRegistration(string Venue);
