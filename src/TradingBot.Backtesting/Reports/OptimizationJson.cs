using System.Text.Json;
using TradingBot.Backtesting.Optimization;
using TradingBot.Core.Strategies;

namespace TradingBot.Backtesting.Reports;

/// <summary>JSON forms of grid-search and walk-forward results (stats use the same keys as a single backtest).</summary>
public static class OptimizationJson
{
    public static void Write(Utf8JsonWriter writer, OptimizationResult result)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(result);
        writer.WriteStartObject();
        writer.WriteString("strategy", result.Strategy);
        writer.WriteString("maximize", result.Maximize);
        writer.WriteNumber("evaluated", result.Runs.Count);
        writer.WriteNumber("excluded", result.Excluded);
        writer.WriteStartObject("ranges");
        foreach (var range in result.Ranges)
        {
            writer.WriteStartArray(range.Name);
            foreach (var value in range.Values)
            {
                writer.WriteNumberValue(value);
            }

            writer.WriteEndArray();
        }

        writer.WriteEndObject();
        writer.WriteStartObject("best");
        WriteParameters(writer, result.Best.Parameters);
        BacktestJson.WriteNumber(writer, "score", result.Best.Score);
        writer.WriteEndObject();
        writer.WriteStartArray("runs");
        foreach (var run in result.Runs)
        {
            writer.WriteStartObject();
            WriteParameters(writer, run.Parameters);
            BacktestJson.WriteNumber(writer, "score", run.Score);
            writer.WritePropertyName("stats");
            BacktestJson.WriteStatistics(writer, run.Statistics);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WritePropertyName("bestResult");
        BacktestJson.Write(writer, result.BestResult);
        writer.WriteEndObject();
    }

    public static void Write(Utf8JsonWriter writer, WalkForwardResult result)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(result);
        writer.WriteStartObject();
        writer.WriteString("strategy", result.Strategy);
        writer.WriteString("maximize", result.Maximize);
        writer.WriteStartArray("windows");
        foreach (var window in result.Windows)
        {
            writer.WriteStartObject();
            writer.WriteNumber("inSampleStart", window.InSampleStart);
            writer.WriteNumber("inSampleEnd", window.InSampleEnd);
            writer.WriteNumber("outOfSampleStart", window.OutOfSampleStart);
            writer.WriteNumber("outOfSampleEnd", window.OutOfSampleEnd);
            WriteParameters(writer, window.Parameters);
            BacktestJson.WriteNumber(writer, "inSampleScore", window.InSampleScore);
            writer.WritePropertyName("outOfSample");
            BacktestJson.WriteStatistics(writer, window.OutOfSample);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WritePropertyName("stitched");
        BacktestJson.Write(writer, result.Stitched);
        writer.WriteEndObject();
    }

    private static void WriteParameters(Utf8JsonWriter writer, StrategyParameters parameters)
    {
        writer.WriteStartObject("parameters");
        foreach (var (name, value) in parameters)
        {
            writer.WriteNumber(name, value);
        }

        writer.WriteEndObject();
    }
}
