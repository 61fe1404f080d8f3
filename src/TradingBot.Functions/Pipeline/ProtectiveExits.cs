using Microsoft.Extensions.Options;
using TradingBot.Core.Execution;
using TradingBot.Core.Messages;
using TradingBot.Core.Portfolio;
using TradingBot.Core.Risk;
using TradingBot.Core.Risk.Events;
using TradingBot.Core.Strategies;
using TradingBot.Functions.Venues;
using TradingBot.Storage.Ledger;
using TradingBot.Storage.Risk;
using TradingBot.Storage.Tables;

namespace TradingBot.Functions.Pipeline;

/// <summary>
/// Live protective exits on every closed candle (<see cref="RiskGate.ReviewPosition"/>): when the position's stop,
/// trailing stop or target is reached, a <see cref="SignalRaised"/> from the reserved strategy id
/// <see cref="StrategyId"/> asks ApplyRisk to exit the position (even while the kill switch is engaged); otherwise a
/// trailing stop that moved is remembered in the risk book. While the kill switch is engaged with a flatten request, every
/// open position is exited the same way (strategy kind <see cref="KillSwitchKind"/>). A candle that closed before the
/// position's last fill (delivered late, or evaluated again on a redelivery) is not checked against its levels.
/// </summary>
public sealed class ProtectiveExits(RiskStateStore books, LedgerStore ledger, IVenues venues, IOptions<PipelineOptions> options, ILogger<ProtectiveExits> logger)
{
    /// <summary>The strategy id of protective-exit signals (reserved: not usable by a configured strategy).</summary>
    public const string StrategyId = "risk-exit";
    private const int Attempts = 5;

    /// <summary>The protective-exit kind of an operator's flatten request (not a stop-out).</summary>
    public const string KillSwitchKind = "kill-switch";

    public async Task<SignalRaised?> CheckAsync(CandleClosed candle, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(candle);
        var account = TradingAccounts.For(candle.Venue, venues.ModeOf(candle.Venue));
        for (var attempt = 1; ; attempt++)
        {
            // A book at most RiskStateCacheLifetime old on the first look (as if the candle came a moment earlier); a
            // trailing stop that moved is saved with the book's ETag, and a lost race re-reads the stored book.
            var book = attempt == 1 ? await books.GetRecentAsync(account, options.Value.RiskStateCacheLifetime, ct) : await books.GetAsync(account, ct);
            if (book is not null && await FlattenAsync(book, candle, ct) is { } flatten)
            {
                return flatten;
            }

            if (book is null || !book.State.ExitLevels.ContainsKey(candle.Symbol))
            {
                return null;
            }

            var position = (await ledger.GetRecentPositionsAsync(account, options.Value.RiskStateCacheLifetime, ct)).FirstOrDefault(p => p.Symbol == candle.Symbol);
            if (position is null || position.IsFlat || ClosedBeforeLastFill(candle, position))
            {
                return null;
            }

            var context = new RiskContext
            {
                Now = candle.At,
                TradingDay = DateOnly.FromDateTime(candle.At.UtcDateTime),
                Equity = 0m,
                AvailableCash = 0m,
                DayStartEquity = 0m,
                Positions = new Dictionary<Core.Market.Symbol, RiskPosition>
                {
                    [candle.Symbol] = new(candle.Symbol, position.Quantity, position.AverageCost, candle.Close),
                },
                State = book.State,
            };
            var (hit, review) = RiskGate.ReviewPosition(position.StrategyId, candle.Symbol, candle.Candle, context);
            if (hit is { } exit)
            {
                var kind = exit.Kind switch
                {
                    ProtectiveExit.StopLoss => "stop-loss",
                    ProtectiveExit.TakeProfit => "take-profit",
                    _ => "trailing-stop",
                };
                return Exit(candle, kind, exit.Price, $"{kind} at {Core.Exchange.Precision.ToWire(exit.Price)} reached");
            }

            var moved = review.Events.OfType<ExitLevelsSet>().ToList();
            if (moved.Count == 0)
            {
                return null;
            }

            try
            {
                await books.SaveAsync(book with { State = book.State.Apply(moved) }, ct);
                return null;
            }
            catch (ConcurrencyConflictException) when (attempt < Attempts)
            {
                // Another writer changed the book: re-read and check again.
            }
        }
    }

    /// <summary>
    /// An operator engaged the kill switch asking to flatten (<see cref="RiskBook.FlattenRequestedAt"/>): an open position
    /// of this candle's symbol is exited at market, unless an exit order for it is still executing.
    /// </summary>
    private async Task<SignalRaised?> FlattenAsync(RiskBook book, CandleClosed candle, CancellationToken ct)
    {
        if (book.FlattenRequestedAt is null || !book.State.KillSwitchEngaged
            || book.Pending.Values.Any(p => p.Purpose == RiskOrderPurpose.Exit && p.Order.Symbol == candle.Symbol))
        {
            return null;
        }

        var position = (await ledger.GetRecentPositionsAsync(book.Account, options.Value.RiskStateCacheLifetime, ct)).FirstOrDefault(p => p.Symbol == candle.Symbol);
        if (position is null || position.IsFlat)
        {
            return null;
        }

        logger.FlattenExit(book.Account, candle.Symbol, position.Quantity);
        return Exit(candle, KillSwitchKind, candle.Close, "kill switch engaged with flatten: exit at market");
    }

    /// <summary>
    /// A candle that closed before the position's last fill tells nothing about the price since (a late delivery of an old
    /// candle, or one evaluated again on a redelivery): it neither hits nor trails the position's levels.
    /// </summary>
    private static bool ClosedBeforeLastFill(CandleClosed candle, Position position) =>
        position.UpdatedAt is { } filled && candle.OpenTime + candle.Timeframe.Duration <= filled;

    private static SignalRaised Exit(CandleClosed candle, string kind, decimal price, string reason) =>
        new(MessageIds.Signal(candle.Id, StrategyId), candle.Id, candle.CorrelationId, candle.At, StrategyId, kind,
            candle.Venue, candle.Symbol, candle.Timeframe, candle.OpenTime, TargetPosition.Flat, price, reason);
}
