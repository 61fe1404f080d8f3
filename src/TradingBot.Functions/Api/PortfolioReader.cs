using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using TradingBot.Core.Exchange;
using TradingBot.Core.Execution;
using TradingBot.Core.Market;
using TradingBot.Core.Portfolio;
using TradingBot.Functions.Api.Contracts;
using TradingBot.Functions.Venues;
using TradingBot.Storage.Candles;
using TradingBot.Storage.Config;
using TradingBot.Storage.Ledger;
using TradingBot.Storage.Orders;
using TradingBot.Storage.Risk;

namespace TradingBot.Functions.Api;

/// <summary>
/// The read side of the portfolio routes: which accounts exist (the accounts of configured strategies and of risk
/// books), their positions marked at the newest stored candle close, venue balances (cached for
/// <see cref="ApiOptions.BalanceCacheDuration"/>, since venue request weight is limited), equity and its history.
/// </summary>
public sealed class PortfolioReader(ConfigStore config, RiskStateStore books, LedgerStore ledger, LatestCloses closes, OrderStore orders,
    IVenues venues, TimeProvider time, IOptions<ApiOptions> options)
{
    private readonly ConcurrentDictionary<string, (DateTimeOffset At, Balance Balance)> _balances = new(StringComparer.Ordinal);

    /// <summary>Every known account with its venue and mode, by account name.</summary>
    public async Task<IReadOnlyList<(string Account, string Venue, TradingMode Mode)>> AccountsAsync(CancellationToken ct)
    {
        var accounts = new SortedDictionary<string, (string Venue, TradingMode Mode)>(StringComparer.Ordinal);
        foreach (var strategy in await config.ListStrategiesAsync(ct))
        {
            var mode = venues.ModeOf(strategy.Venue);
            accounts.TryAdd(TradingAccounts.For(strategy.Venue, mode), (strategy.Venue, mode));
        }

        foreach (var book in await books.ListAsync(ct))
        {
            accounts.TryAdd(book.Account, VenueOf(book.Account));
        }

        return [.. accounts.Select(a => (a.Key, a.Value.Venue, a.Value.Mode))];
    }

    public async Task<PortfolioView> PortfolioAsync(CancellationToken ct)
    {
        var views = new List<AccountView>();
        foreach (var (account, venue, mode) in await AccountsAsync(ct))
        {
            views.Add(await AccountAsync(account, venue, mode, ct));
        }

        return new PortfolioView(time.GetUtcNow(), views);
    }

    public async Task<IReadOnlyList<PositionView>> PositionsAsync(string account, CancellationToken ct)
    {
        var positions = await ledger.GetPositionsAsync(account, ct);
        var marks = await MarksAsync(VenueOf(account).Venue, ct);
        return [.. positions.Where(p => !p.IsFlat || p.RealizedPnl != 0m).OrderBy(p => p.Symbol.ToString(), StringComparer.Ordinal).Select(p =>
        {
            var mark = marks.TryGetValue(p.Symbol, out var m) ? m : p.LastPrice;
            return new PositionView(p.Account, p.Symbol.ToString(), p.StrategyId, p.Quantity, p.AverageCost, mark, p.MarketValue(mark),
                p.UnrealizedPnl(mark), p.RealizedPnl, p.Fees, p.FillCount, p.UpdatedAt);
        })];
    }

    public async Task<EquityCurveView> EquityAsync(string account, DateTimeOffset? from, CancellationToken ct)
    {
        var (venue, mode) = VenueOf(account);
        var view = await AccountAsync(account, venue, mode, ct);
        var fills = await orders.ListFillsAsync(new FillFilter { Venue = venue, Account = account, From = from }, ct);
        var marks = await MarksAsync(venue, ct);
        var equityNow = view.Equity ?? view.RealizedPnl + view.UnrealizedPnl;
        return EquityCurve.Build(account, view.Quote, equityNow, fills, marks, time.GetUtcNow());
    }

    /// <summary>The venue and mode behind an account name (<c>paper-binance</c> → binance, paper).</summary>
    public (string Venue, TradingMode Mode) VenueOf(string account)
    {
        ArgumentException.ThrowIfNullOrEmpty(account);
        if (account == TradingAccounts.PaperVenue)
        {
            return (account, TradingMode.Paper);
        }

        return TradingAccounts.IsPaper(account) ? (account[(TradingAccounts.PaperVenue.Length + 1)..], TradingMode.Paper) : (account, TradingMode.Live);
    }

    private async Task<AccountView> AccountAsync(string account, string venue, TradingMode mode, CancellationToken ct)
    {
        var positions = await ledger.GetPositionsAsync(account, ct);
        var booked = await ledger.GetBalancesAsync(account, ct);
        var marks = await MarksAsync(venue, ct);
        var byName = marks.ToDictionary(m => m.Key.ToString(), m => m.Value, StringComparer.Ordinal);
        var strategies = await config.ListStrategiesAsync(ct);
        var quote = strategies.FirstOrDefault(s => s.Venue == venue)?.Symbol.Quote ?? (positions.Count > 0 ? positions[0].Symbol.Quote : "USDT");
        Balance? balance = null;
        string? error = null;
        try
        {
            balance = await BalanceAsync(account, venue, mode, ct);
        }
        catch (Exception ex) when (!ct.IsCancellationRequested && (ex is ExchangeError || Invocation.Failures.IsTransient(ex)))
        {
            error = $"{venue} balance unavailable: {ex.GetType().Name}";
        }

        var currencies = new SortedSet<string>(booked.Keys, StringComparer.Ordinal);
        if (balance is not null)
        {
            currencies.UnionWith(balance.Currencies.Where(c => c.Value.Total != 0m).Select(c => c.Key));
        }

        var balances = currencies.Select(c => balance is null
            ? new BalanceView(c, null, null, null, booked.GetValueOrDefault(c))
            : new BalanceView(c, balance[c].Free, balance[c].Used, balance[c].Total, booked.GetValueOrDefault(c))).ToList();
        decimal? cash = balance?[quote].Total;
        decimal? equity = balance is null ? null
            : AccountEquity.From(balance, quote, positions.Select(p => p.Symbol).Concat(marks.Keys), s => marks.TryGetValue(s, out var m) ? m : Mark(positions, s)).Value;
        return new AccountView(account, venue, ApiText.Kebab(mode), quote, cash, equity, PortfolioValuation.Realized(positions),
            PortfolioValuation.Unrealized(positions, byName), PortfolioValuation.GrossExposure(positions, byName), positions.Count(p => !p.IsFlat),
            balances, error);
    }

    private async Task<Balance> BalanceAsync(string account, string venue, TradingMode mode, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        if (_balances.TryGetValue(account, out var cached) && now - cached.At < options.Value.BalanceCacheDuration)
        {
            return cached.Balance;
        }

        var balance = await venues.Trading(venue, mode).FetchBalanceAsync(ct);
        _balances[account] = (now, balance);
        return balance;
    }

    private Task<IReadOnlyDictionary<Symbol, decimal>> MarksAsync(string venue, CancellationToken ct) => closes.OfVenueAsync(venue, _ => true, ct);

    private static decimal? Mark(IReadOnlyList<Position> positions, Symbol symbol) => positions.FirstOrDefault(p => p.Symbol == symbol)?.LastPrice;
}
