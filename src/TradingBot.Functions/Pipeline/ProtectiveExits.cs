using TradingBot.Core.Execution;
using TradingBot.Core.Messages;
using TradingBot.Core.Risk;
using TradingBot.Core.Risk.Events;
using TradingBot.Core.Strategies;
using TradingBot.Functions.Venues;
using TradingBot.Storage.Ledger;
using TradingBot.Storage.Risk;
using TradingBot.Storage.Signals;
using TradingBot.Storage.Tables;

namespace TradingBot.Functions.Pipeline;

/// <summary>
/// Live protective exits on every closed candle (<see cref="RiskGate.ReviewPosition"/>): when the position's stop,
/// trailing stop or target is reached, a <see cref="SignalRaised"/> from the reserved strategy id
/// <see cref="StrategyId"/> asks ApplyRisk to exit the position (even while the kill switch is engaged); otherwise a
/// trailing stop that moved is remembered in the risk book.
/// </summary>
public sealed class ProtectiveExits(RiskStateStore books, LedgerStore ledger, SignalStore signals, IVenues venues)
{
    /// <summary>The strategy id of protective-exit signals (reserved: not usable by a configured strategy).</summary>
    public const string StrategyId = "risk-exit";
    private const int Attempts = 5;

    public async Task<SignalRaised?> CheckAsync(CandleClosed candle, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(candle);
        var account = TradingAccounts.For(candle.Venue, venues.ModeOf(candle.Venue));
        for (var attempt = 1; ; attempt++)
        {
            var book = await books.GetAsync(account, ct);
            if (book is null || !book.State.ExitLevels.ContainsKey(candle.Symbol))
            {
                return null;
            }

            var position = (await ledger.GetPositionsAsync(account, ct)).FirstOrDefault(p => p.Symbol == candle.Symbol);
            if (position is null || position.IsFlat)
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
                var signal = new SignalRaised(MessageIds.Signal(candle.Id, StrategyId), candle.Id, candle.CorrelationId, candle.At, StrategyId, kind,
                    candle.Venue, candle.Symbol, candle.Timeframe, candle.OpenTime, TargetPosition.Flat, exit.Price,
                    $"{kind} at {Core.Exchange.Precision.ToWire(exit.Price)} reached");
                await signals.SaveAsync([signal], ct);
                return signal;
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
}
