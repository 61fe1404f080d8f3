using TradingBot.Core.Market;

namespace TradingBot.Storage.Orders;

/// <summary>Which executions to list: of one <see cref="Venue"/> or all, one <see cref="Account"/>, <see cref="Symbol"/>, order, and execution time window.</summary>
public sealed record FillFilter
{
    public string? Venue { get; init; }

    public string? Account { get; init; }

    public Symbol? Symbol { get; init; }

    public string? OrderId { get; init; }

    public DateTimeOffset? From { get; init; }

    public DateTimeOffset? To { get; init; }
}
