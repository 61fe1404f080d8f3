using TradingBot.Core.Execution;
using TradingBot.Core.Market;

namespace TradingBot.Storage.Orders;

/// <summary>
/// Which orders to list: all of one <see cref="Venue"/> (one partition) or of every venue, narrowed by
/// <see cref="States"/> (any of them), <see cref="Symbol"/> and creation time [<see cref="From"/>, <see cref="To"/>].
/// </summary>
public sealed record OrderFilter
{
    public string? Venue { get; init; }

    public IReadOnlyList<OrderState> States { get; init; } = [];

    public Symbol? Symbol { get; init; }

    public DateTimeOffset? From { get; init; }

    public DateTimeOffset? To { get; init; }
}
