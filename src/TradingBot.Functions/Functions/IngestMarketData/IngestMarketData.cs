using TradingBot.Functions.Invocation;
using TradingBot.Functions.Pipeline;

namespace TradingBot.Functions.Functions;

/// <summary>Timer → topic <c>market-data</c>: one <c>CandleClosed</c> per newly stored closed candle of every enabled market.</summary>
public sealed class IngestMarketData(MarketDataIngestor ingestor) : IFunction
{
    public const string Output = "candles";

    public static string Trigger => "timer";

    public async Task<InvokeResult> RunAsync(FunctionContext context, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(context);
        var candles = await ingestor.RunAsync(ct);
        return new InvokeResult()
            .WithMessages(Output, candles)
            .Log($"{candles.Count} closed candle(s) published{(context.Timer.IsPastDue ? " (run was past due)" : "")}");
    }
}
