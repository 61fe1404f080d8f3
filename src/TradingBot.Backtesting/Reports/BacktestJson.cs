using System.Globalization;
using System.Text.Json;
using TradingBot.Backtesting.Engine;
using TradingBot.Backtesting.Statistics;

namespace TradingBot.Backtesting.Reports;

/// <summary>
/// The JSON form of a result: <c>{"stats": {...}, "trades": [...], "equity": [...]}</c> plus context
/// (strategy, parameters, options, warnings). Stats are JSON numbers with NaN written as null; prices, sizes and
/// cash amounts are written with their exact decimal digits.
/// </summary>
public static class BacktestJson
{
    public static void Write(Utf8JsonWriter writer, BacktestResult result)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(result);
        writer.WriteStartObject();
        writer.WriteString("strategy", result.Strategy);
        writer.WriteString("parameters", result.Parameters);
        WriteOptions(writer, result.Options);
        writer.WritePropertyName("stats");
        WriteStatistics(writer, result.Statistics);
        writer.WriteStartArray("trades");
        foreach (var trade in result.Trades)
        {
            WriteTrade(writer, trade);
        }

        writer.WriteEndArray();
        writer.WriteStartArray("equity");
        var drawdown = result.Drawdown;
        for (var i = 0; i < result.Equity.Length; i++)
        {
            writer.WriteStartObject();
            writer.WriteString("time", result.Candles[i].Time.UtcDateTime.ToString("O", CultureInfo.InvariantCulture));
            WriteNumber(writer, "equity", result.Equity[i]);
            WriteNumber(writer, "drawdownPct", drawdown[i] * 100);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteStartArray("warnings");
        foreach (var warning in result.Warnings)
        {
            writer.WriteStringValue(warning);
        }

        writer.WriteEndArray();
        if (result.Options.Risk is not null)
        {
            WriteRisk(writer, result);
        }

        writer.WriteEndObject();
    }

    public static string ToJson(BacktestResult result, bool indented = true)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = indented }))
        {
            Write(writer, result);
        }

        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }

    public static void WriteStatistics(Utf8JsonWriter writer, BacktestStatistics s)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(s);
        writer.WriteStartObject();
        writer.WriteString("start", s.Start.UtcDateTime.ToString("O", CultureInfo.InvariantCulture));
        writer.WriteString("end", s.End.UtcDateTime.ToString("O", CultureInfo.InvariantCulture));
        WriteNumber(writer, "durationDays", s.DurationDays);
        WriteNumber(writer, "exposureTimePct", s.ExposureTimePct);
        writer.WriteNumber("equityFinal", s.EquityFinal);
        writer.WriteNumber("equityPeak", s.EquityPeak);
        WriteNumber(writer, "returnPct", s.ReturnPct);
        WriteNumber(writer, "buyHoldReturnPct", s.BuyHoldReturnPct);
        WriteNumber(writer, "returnAnnPct", s.ReturnAnnPct);
        WriteNumber(writer, "volatilityAnnPct", s.VolatilityAnnPct);
        WriteNumber(writer, "cagrPct", s.CagrPct);
        WriteNumber(writer, "sharpe", s.Sharpe);
        WriteNumber(writer, "sortino", s.Sortino);
        WriteNumber(writer, "calmar", s.Calmar);
        WriteNumber(writer, "alphaPct", s.AlphaPct);
        WriteNumber(writer, "beta", s.Beta);
        WriteNumber(writer, "maxDrawdownPct", s.MaxDrawdownPct);
        WriteNumber(writer, "avgDrawdownPct", s.AvgDrawdownPct);
        WriteNumber(writer, "maxDrawdownDurationDays", s.MaxDrawdownDurationDays);
        WriteNumber(writer, "avgDrawdownDurationDays", s.AvgDrawdownDurationDays);
        writer.WriteNumber("trades", s.Trades);
        WriteNumber(writer, "winRatePct", s.WinRatePct);
        WriteNumber(writer, "bestTradePct", s.BestTradePct);
        WriteNumber(writer, "worstTradePct", s.WorstTradePct);
        WriteNumber(writer, "avgTradePct", s.AvgTradePct);
        WriteNumber(writer, "maxTradeDurationDays", s.MaxTradeDurationDays);
        WriteNumber(writer, "avgTradeDurationDays", s.AvgTradeDurationDays);
        WriteNumber(writer, "profitFactor", s.ProfitFactor);
        WriteNumber(writer, "expectancyPct", s.ExpectancyPct);
        WriteNumber(writer, "sqn", s.Sqn);
        WriteNumber(writer, "kellyCriterion", s.KellyCriterion);
        writer.WriteEndObject();
    }

    public static void WriteTrade(Utf8JsonWriter writer, BacktestTrade trade)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(trade);
        writer.WriteStartObject();
        writer.WriteNumber("size", trade.Size);
        writer.WriteNumber("entryBar", trade.EntryBar);
        writer.WriteNumber("exitBar", trade.ExitBar);
        writer.WriteString("entryTime", trade.EntryTime.UtcDateTime.ToString("O", CultureInfo.InvariantCulture));
        writer.WriteString("exitTime", trade.ExitTime.UtcDateTime.ToString("O", CultureInfo.InvariantCulture));
        writer.WriteNumber("entryPrice", trade.EntryPrice);
        writer.WriteNumber("exitPrice", trade.ExitPrice);
        writer.WriteNumber("pnl", trade.PnL);
        WriteNumber(writer, "returnPct", (double)trade.ReturnPct * 100);
        writer.WriteNumber("commission", trade.Commission);
        WriteNullable(writer, "stopLoss", trade.StopLoss);
        WriteNullable(writer, "takeProfit", trade.TakeProfit);
        WriteNumber(writer, "durationDays", trade.Duration.TotalDays);
        writer.WriteString("entryReason", trade.EntryReason);
        writer.WriteString("exitReason", ExitReasonName(trade.ExitReason));
        writer.WriteEndObject();
    }

    /// <summary>The kebab-case name used in JSON: <c>signal</c>, <c>stop-loss</c>, <c>take-profit</c>, <c>trailing-stop</c>, <c>end</c>, <c>liquidation</c>, <c>kill-switch</c>.</summary>
    public static string ExitReasonName(ExitReason reason) => reason switch
    {
        ExitReason.Signal => "signal",
        ExitReason.StopLoss => "stop-loss",
        ExitReason.TakeProfit => "take-profit",
        ExitReason.TrailingStop => "trailing-stop",
        ExitReason.End => "end",
        ExitReason.Liquidation => "liquidation",
        ExitReason.KillSwitch => "kill-switch",
        _ => throw new ArgumentOutOfRangeException(nameof(reason), reason, null),
    };

    public static void WriteNumber(Utf8JsonWriter writer, string name, double value)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (double.IsFinite(value))
        {
            writer.WriteNumber(name, value);
        }
        else
        {
            writer.WriteNull(name);
        }
    }

    private static void WriteNullable(Utf8JsonWriter writer, string name, decimal? value)
    {
        if (value is { } v)
        {
            writer.WriteNumber(name, v);
        }
        else
        {
            writer.WriteNull(name);
        }
    }

    /// <summary>
    /// Risk mode only (a reference-mode result stays byte-identical): <c>"rejections": [{"bar","time","reason","message"}]</c>
    /// and <c>"halts": [{"bar","time","event": "halt"|"resume","reason","message"}]</c>, reasons as stable codes.
    /// </summary>
    private static void WriteRisk(Utf8JsonWriter writer, BacktestResult result)
    {
        writer.WriteStartArray("rejections");
        foreach (var rejection in result.Rejections)
        {
            writer.WriteStartObject();
            writer.WriteNumber("bar", rejection.Bar);
            writer.WriteString("time", rejection.Time.UtcDateTime.ToString("O", CultureInfo.InvariantCulture));
            writer.WriteString("reason", rejection.Code);
            writer.WriteString("message", rejection.Message);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteStartArray("halts");
        foreach (var halt in result.Halts)
        {
            writer.WriteStartObject();
            writer.WriteNumber("bar", halt.Bar);
            writer.WriteString("time", halt.Time.UtcDateTime.ToString("O", CultureInfo.InvariantCulture));
            writer.WriteString("event", halt.Halted ? "halt" : "resume");
            writer.WriteString("reason", halt.Code);
            writer.WriteString("message", halt.Message);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }

    private static void WriteOptions(Utf8JsonWriter writer, BacktestOptions options)
    {
        writer.WriteStartObject("options");
        writer.WriteNumber("cash", options.Cash);
        writer.WriteNumber("commission", options.Commission);
        writer.WriteNumber("fixedCommission", options.FixedCommission);
        writer.WriteNumber("spread", options.Spread);
        writer.WriteBoolean("tradeOnClose", options.TradeOnClose);
        writer.WriteBoolean("finalizeTrades", options.FinalizeTrades);
        writer.WriteNumber("quantityStep", options.QuantityStep);
        writer.WriteNumber("riskFreeRate", options.RiskFreeRate);
        writer.WriteEndObject();
    }
}
