namespace TradingBot.Functions.Api.Contracts;

/// <summary>A currency of an account: the venue's free/used/total (null when the venue could not be asked) and the net change fills booked.</summary>
public sealed record BalanceView(string Currency, decimal? Free, decimal? Used, decimal? Total, decimal Booked);
