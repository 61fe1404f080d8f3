using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using TradingBot.Backtesting.Data;
using TradingBot.Backtesting.Engine;
using TradingBot.Backtesting.Reports;
using TradingBot.Core.Strategies;
using TradingBot.Testing;

namespace TradingBot.Backtesting.Tests.Risk;

/// <summary>
/// A backtest without risk options is backtesting.md's reference mode and must not change by a single digit: these
/// fingerprints (SHA-256 of the JSON result: trades, equity, statistics) were taken from the engine before risk
/// management existed.
/// </summary>
public sealed class ReferenceModeTests
{
    public static TheoryData<string, string, string> Runs => new()
    {
        { "GOOG.csv", "sma-cross:fast=10,slow=30", "ba441cb9417dd45e5a1e423a579f26ea14ae7ee1b8524661b27024a207fe215e" },
        { "EURUSD.csv", "breakout:commission=0.001,spread=0.0001,step=0.00000001", "c401d488531d79b9001c3069a27af8d4e904c58bb56f1869477aa6ece8c2d3d2" },
        { "synthetic_10000.csv", "mean-reversion:commission=0.001,onclose", "f2eb54b30b057950fd43f9350fc1fd64140a1a6fc895adf15b4e5f1487dfc4ad" },
    };

    [Theory]
    [MemberData(nameof(Runs))]
    public void Run_NoRiskOptions_JsonIsByteIdenticalToTheReferenceEngine(string file, string setup, string sha256)
    {
        var (strategy, options, parameters) = Parse(setup);
        var result = Backtest.Run(CsvCandleReader.ReadFile(RepositoryPaths.SharedFile(file)), strategy, options, parameters: parameters);

        var json = BacktestJson.ToJson(result);

        Assert.Equal(sha256, Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(json))));
    }

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
