using TradingBot.Core.Exchange;
using TradingBot.Core.Market;
using TradingBot.Core.Portfolio;
using TradingBot.Functions.Api.Contracts;
using TradingBot.Storage.Orders;

namespace TradingBot.Functions.Api;

/// <summary>
/// An account's equity over time, from its fills: replaying them through <see cref="Position.Apply"/> gives the PnL
/// (realized net of fees + unrealized, each symbol marked at its latest fill price) after every fill. Equity changes
/// only by PnL, so equity(t) = equity now − PnL now + PnL(t); the last point, marked at <c>marks</c>, is equity now.
/// </summary>
public static class EquityCurve
{
    public static EquityCurveView Build(string account, string quote, decimal equityNow, IReadOnlyList<StoredFill> fills,
        IReadOnlyDictionary<Symbol, decimal> marks, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(fills);
        ArgumentNullException.ThrowIfNull(marks);
        var positions = new Dictionary<Symbol, Position>();
        var steps = new List<(DateTimeOffset Time, decimal Pnl)>();
        foreach (var fill in fills.Where(f => f.Symbol.Quote == quote))
        {
            var position = positions.GetValueOrDefault(fill.Symbol) ?? new Position(account, fill.Symbol, fill.StrategyId);
            var fee = fill.Fill.FeeCurrency is { } currency && fill.Fill.FeeCost != 0m ? new Fee(fill.Fill.FeeCost, currency) : null;
            positions[fill.Symbol] = position.Apply(fill.Side, fill.Fill.Price, fill.Fill.Amount, fee, fill.Fill.Timestamp);
            steps.Add((fill.Fill.Timestamp, Pnl(positions.Values, null)));
        }

        var pnlNow = Pnl(positions.Values, marks);
        steps.Add((now, pnlNow));
        var points = new List<EquityPoint>(steps.Count);
        var peak = decimal.MinValue;
        var maxDrawdown = 0m;
        foreach (var (time, pnl) in steps)
        {
            var equity = equityNow - pnlNow + pnl;
            peak = Math.Max(peak, equity);
            var drawdown = peak > 0m ? Math.Round((equity / peak) - 1m, 10) : 0m;
            maxDrawdown = Math.Min(maxDrawdown, drawdown);
            points.Add(new EquityPoint(time, equity, drawdown));
        }

        return new EquityCurveView(account, quote, maxDrawdown, points);
    }

    private static decimal Pnl(IEnumerable<Position> positions, IReadOnlyDictionary<Symbol, decimal>? marks) =>
        positions.Sum(p => p.RealizedPnl + p.UnrealizedPnl(marks is not null && marks.TryGetValue(p.Symbol, out var mark) ? mark : p.LastPrice));
}
