namespace TradingBot.Functions.Api.Contracts;

/// <summary>Every trading account's equity, cash, balances and PnL at <see cref="AsOf"/>.</summary>
public sealed record PortfolioView(DateTimeOffset AsOf, IReadOnlyList<AccountView> Accounts);
