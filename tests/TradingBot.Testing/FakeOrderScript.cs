using TradingBot.Core.Exchange;

namespace TradingBot.Testing;

/// <summary>What <see cref="FakeExchange"/> does with the next <c>CreateOrderAsync</c> call.</summary>
public sealed record FakeOrderScript
{
    /// <summary>Fraction of the amount filled at once (1 = filled, 0 = left open).</summary>
    public decimal FillFraction { get; init; } = 1m;

    /// <summary>Fill price; null = the current ask (buy) or bid (sell), else the order's price.</summary>
    public decimal? Price { get; init; }

    /// <summary>Thrown instead of answering; the order is still created when <see cref="AcceptBeforeFailing"/>.</summary>
    public Exception? Failure { get; init; }

    /// <summary>The venue accepted (and executed) the order although the caller sees <see cref="Failure"/> (a timeout after acceptance).</summary>
    public bool AcceptBeforeFailing { get; init; }

    /// <summary>Whether the answer lists the executions as trades (some venues report only cumulative figures).</summary>
    public bool ReportTrades { get; init; } = true;

    public static FakeOrderScript Fill(decimal? price = null) => new() { Price = price };

    public static FakeOrderScript Partial(decimal fraction, decimal? price = null) => new() { FillFraction = fraction, Price = price };

    public static FakeOrderScript Open() => new() { FillFraction = 0m };

    public static FakeOrderScript Reject(ExchangeError error) => new() { Failure = error };

    /// <summary>The request times out after the venue accepted and filled the order (the classic unknown outcome).</summary>
    public static FakeOrderScript TimeoutAfterAccepting(decimal fraction = 1m) =>
        new() { Failure = new RequestTimeout("fake: timed out waiting for the venue"), AcceptBeforeFailing = true, FillFraction = fraction };

    /// <summary>The request times out and the venue never saw it.</summary>
    public static FakeOrderScript TimeoutWithoutOrder() => new() { Failure = new RequestTimeout("fake: timed out before reaching the venue") };

    public static FakeOrderScript ServerError() => new() { Failure = new ExchangeNotAvailable("fake: 503 Service Unavailable"), AcceptBeforeFailing = true };
}
