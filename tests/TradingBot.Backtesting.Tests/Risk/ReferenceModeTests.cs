using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using TradingBot.Backtesting.Data;
using TradingBot.Backtesting.Engine;
using TradingBot.Backtesting.Reports;
using TradingBot.Core.Strategies;
using TradingBot.Testing;

namespace TradingBot.Backtesting.Tests.Risk;

/// <summary>
/// A backtest without risk options is backtesting.md's reference mode and must not change by a single digit: these
/// fingerprints (SHA-256 of the JSON result: trades, equity, statistics, in key order) were taken from the engine
/// before risk management existed. Decimal numbers are compared by value (<c>0.00</c> and <c>0</c> are the same
/// amount), so an engine change that only drops trailing zeros keeps the fingerprint; non-integer numbers are compared to
/// 12 significant digits, so an equivalent reformulation of a formula (e.g. a one-pass covariance) that only moves the
/// last bits of a double keeps it too.
/// </summary>
public sealed class ReferenceModeTests
{
    public static TheoryData<string, string, string> Runs => new()
    {
        { "GOOG.csv", "sma-cross:fast=10,slow=30", "4af15a314fbe7cef6ac7b3a2471e6fad04ba7ccf92b6782b8279deef23d33645" },
        { "EURUSD.csv", "breakout:commission=0.001,spread=0.0001,step=0.00000001", "417b6901745235cfd80e370abd2a5c67832b26a7aae795a0bbc4ec59e24195dc" },
        { "synthetic_10000.csv", "mean-reversion:commission=0.001,onclose", "d82dc848dab9b20c5f01e7a6dbe307acdd4363d6e2ef3f169fe37c2c346f4ec6" },
    };

    [Theory]
    [MemberData(nameof(Runs))]
    public void Run_NoRiskOptions_JsonIsByteIdenticalToTheReferenceEngine(string file, string setup, string sha256)
    {
        var (strategy, options, parameters) = Parse(setup);
        var result = Backtest.Run(CsvCandleReader.ReadFile(RepositoryPaths.SharedFile(file)), strategy, options, parameters: parameters);

        var json = Canonical(BacktestJson.ToJson(result));

        Assert.Equal(sha256, Convert.ToHexStringLower(SHA256.HashData(json)));
    }

    /// <summary>The JSON with every token as written, except plain decimals without their trailing zeros.</summary>
    private static byte[] Canonical(string json)
    {
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(json));
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            while (reader.Read())
            {
                switch (reader.TokenType)
                {
                    case JsonTokenType.StartObject: writer.WriteStartObject(); break;
                    case JsonTokenType.EndObject: writer.WriteEndObject(); break;
                    case JsonTokenType.StartArray: writer.WriteStartArray(); break;
                    case JsonTokenType.EndArray: writer.WriteEndArray(); break;
                    case JsonTokenType.PropertyName: writer.WritePropertyName(reader.GetString()!); break;
                    case JsonTokenType.String: writer.WriteStringValue(reader.GetString()); break;
                    case JsonTokenType.Number: writer.WriteRawValue(TrimZeros(Encoding.UTF8.GetString(reader.ValueSpan))); break;
                    case JsonTokenType.True or JsonTokenType.False: writer.WriteBooleanValue(reader.GetBoolean()); break;
                    default: writer.WriteNullValue(); break;
                }
            }
        }

        return stream.ToArray();
    }

    /// <summary>Integers as written; every other number to 12 significant digits (<c>0.00</c> → <c>0</c>).</summary>
    private static string TrimZeros(string number) =>
        number.Contains('.', StringComparison.Ordinal) || number.Contains('E', StringComparison.OrdinalIgnoreCase)
            ? double.Parse(number, CultureInfo.InvariantCulture).ToString("G12", CultureInfo.InvariantCulture)
            : number;

    private static (IStrategy Strategy, BacktestOptions Options, string Parameters) Parse(string setup)
    {
        var parts = setup.Split(':', 2);
        var definition = StrategyCatalog.Get(parts[0]);
        var options = new BacktestOptions();
        var fixedParameters = new List<KeyValuePair<string, double>>();
        foreach (var item in parts[1].Split(','))
        {
            var kv = item.Split('=');
            var value = kv.Length == 2 ? decimal.Parse(kv[1], CultureInfo.InvariantCulture) : 0m;
            options = kv[0] switch
            {
                "commission" => options with { Commission = value },
                "spread" => options with { Spread = value },
                "step" => options with { QuantityStep = value },
                "onclose" => options with { TradeOnClose = true },
                _ => options,
            };
            if (kv[0] is "fast" or "slow")
            {
                fixedParameters.Add(new(kv[0], (double)value));
            }
        }

        var parameters = definition.Parameterize(fixedParameters);
        return (definition.Create(parameters), options, parameters.ToString());
    }
}
