using System.Reflection;
using System.Text;
using Microsoft.Extensions.Configuration;
using TradingBot.Core.Risk;
using TradingBot.Storage.Config;

namespace TradingBot.Storage.Tests.Config;

/// <summary>
/// <see cref="RiskConfiguration"/> reads settings in code (Native AOT, issue 6); these pin it to what the
/// reflection-based configuration binder did with the same section: the same options, or the same error.
/// </summary>
public sealed class RiskConfigurationTests
{
    /// <summary>Every setting away from the live defaults; strategies with a few keys, a null and an empty one.</summary>
    private const string Full = """
        {
          "DailyLossLimit": "0.07", "DailyLossReset": "Operator", "MaxDrawdown": "0.3", "DrawdownReset": "NextDay",
          "KillSwitchLoss": "0.5", "FlattenOnKillSwitch": "true", "MaxTotalExposure": "0.9", "MaxOpenPositions": "7",
          "MaxOrdersPerWindow": "11", "OrderWindow": "00:30:00", "MaxCandleAge": "1.02:03:04", "AllowShort": "True",
          "StoplossGuardCount": "5", "StoplossGuardWindow": "2.00:00:00", "StoplossGuardLock": "06:00:00", "StoplossGuardPerSymbol": "true",
          "Strategy": {
            "Sizing": "Volatility", "QuoteAmount": "100", "EquityFraction": "0.5", "RiskPerTrade": "0.01", "SizingAtrMultiple": "2",
            "AtrPeriod": "21", "MaxPositionFraction": "0.3", "MaxPositionQuantity": "1.5", "CooldownAfterExit": "01:00:00",
            "StopLossPercent": "0.04", "StopLossAtr": "3", "TakeProfitPercent": "0.08", "TakeProfitAtr": "4", "TrailingStopPercent": "0.02", "TrailingStopAtr": "1.5"
          },
          "Strategies": {
            "breakout": { "TakeProfitPercent": "0.1", "Sizing": "FixedQuote", "QuoteAmount": "500" },
            "sma-cross": { "StopLossPercent": null },
            "mean-reversion": ""
          }
        }
        """;

    public static TheoryData<string> Sections() => new()
    {
        "{}",
        """{ "Risk": "a value where a section belongs" }""",
        Full,
        """{ "DailyLossLimit": null, "MaxCandleAge": "", "KillSwitchLoss": null, "Strategy": { "StopLossPercent": null } }""",
        """{ "dailylosslimit": " 0.02 ", "MAXDRAWDOWN": "1e-1", "maxopenpositions": "0x10", "strategy": { "sizing": "fixedquote", "quoteamount": "5" } }""",
        """{ "DailyLossReset": "1", "StoplossGuardCount": "#1F", "Strategy": { "Sizing": "EquityFraction, FixedQuote" } }""",
        """{ "Lookback": "01:00:00", "LiveDefaults": "x", "None": "", "EqualityContract": "x", "Strategy": { "NeedsAtr": "true" } }""",
        """{ "LiveDefaults": { "MaxDrawdown": "0.5" }, "None": { "Strategy": { "AtrPeriod": "3" } } }""",
        """{ "LiveDefaults": { "Bogus": "1" } }""",
        """{ "Lookback": "bad" }""",
        """{ "Lookback": "" }""",
        """{ "OrderWindow": null, "Strategy": { "EquityFraction": null, "AtrPeriod": null, "Sizing": null, "NeedsAtr": null } }""",
        """{ "AllowShort": null, "DailyLossReset": null, "MaxOpenPositions": null, "MaxCandleAge": null }""",
        """{ "Strategy": null, "Strategies": null, "LiveDefaults": null, "Lookback": null }""",
        """{ "Strategy": "", "Strategies": "", "None": "" }""",
        """{ "Strategy": "x" }""",
        """{ "Strategies": "x" }""",
        """{ "Strategies": { "breakout": null, "sma-cross": "" } }""",
        """{ "Strategies": { "breakout": { "Sizing": "Bad" } }, "Lookback": "bad" }""",
        """{ "Strategy": { "Sizing": "Bad" }, "Lookback": "bad" }""",
        """{ "Strategies": { "breakout": { "AtrPeriod": "2" }, "sma-cross": "x" } }""",
        """{ "Strategy": { "NeedsAtr": "maybe" } }""",
        """{ "NeedsAtr": "true" }""",
        """{ "Unknown": "1", "AlsoUnknown": "2" }""",
        """{ "Strategy": { "StopLos": "0.1" } }""",
        """{ "Strategies": { "breakout": { "Sizng": "FixedQuote" } } }""",
        """{ "MaxDrawdown": "twenty percent" }""",
        """{ "MaxOpenPositions": "1.5" }""",
        """{ "DailyLossReset": "Sometimes" }""",
        """{ "OrderWindow": "" }""",
        """{ "AllowShort": "yes" }""",
        """{ "Strategy": { "EquityFraction": "" } }""",
        """{ "Strategies": { "breakout": { "CooldownAfterExit": "soon" } } }""",
        """{ "MaxDrawdown": { "Value": "0.1" } }""",
        """{ "KillSwitchLoss": { "Value": "0.1" } }""",
        """{ "MaxDrawdown": "0.1x", "Bogus": "1" }""",
        """{ "MaxDrawdown": "0.1x", "OrderWindow": "bad" }""",
    };

    [Theory]
    [MemberData(nameof(Sections))]
    public void Bind_OverTheLiveDefaults_AsTheReflectionBinder(string json) => AssertAsReflection(json, RiskOptions.LiveDefaults);

    [Theory]
    [MemberData(nameof(Sections))]
    public void Bind_RiskSectionOverNoneWithOwnStrategies_AsTheReflectionBinder(string json) =>
        AssertAsReflection("""{ "Risk": """ + json + " }", RiskOptions.None with
        {
            Strategies = new Dictionary<string, StrategyRiskOptions>(StringComparer.OrdinalIgnoreCase)
            {
                ["breakout"] = RiskOptions.None.Strategy with { StopLossPercent = 0.2m },
            },
        });

    [Fact]
    public void Keys_AreEveryPropertyTheReflectionBinderAccepts()
    {
        // A property added to the options must be read by RiskConfiguration too: this fails until it is listed there.
        Assert.Equal(Properties(typeof(RiskOptions)), RiskConfiguration.RiskKeys.Order(StringComparer.Ordinal));
        Assert.Equal(Properties(typeof(StrategyRiskOptions)), RiskConfiguration.StrategyKeys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Bind_EverySetting_IsRead()
    {
        var section = Section(Full);

        var risk = RiskConfiguration.Bind(section, RiskOptions.LiveDefaults);

        foreach (var property in typeof(RiskOptions).GetProperties().Where(p => p.CanWrite && p.Name != nameof(RiskOptions.Strategies)))
        {
            Assert.NotEqual(property.GetValue(RiskOptions.LiveDefaults), property.GetValue(risk));
        }

        foreach (var property in typeof(StrategyRiskOptions).GetProperties().Where(p => p.CanWrite))
        {
            Assert.NotEqual(property.GetValue(RiskOptions.LiveDefaults.Strategy), property.GetValue(risk.Strategy));
        }
    }

    [Theory]
    [InlineData("""{ "Risk": "a value where the section belongs" }""")]
    [InlineData("""{ "Risk": "" }""")]
    [InlineData("""{ "Risk": null }""")]
    public void Bind_ValueForTheRiskSection_AsTheReflectionBinder(string json) => AssertAsReflection(json, RiskOptions.LiveDefaults);

    /// <summary>Binds <paramref name="json"/>'s <c>Risk</c> section when it has one, else the whole of it (as <c>tradingbot backtest --risk</c>).</summary>
    private static void AssertAsReflection(string json, RiskOptions basis)
    {
        var root = Section(json);
        var section = root.GetSection(RiskOptions.Section) is { } risk && risk.Exists() ? risk : root;
        var expected = Record(() => ReflectionBind(section, basis));

        var actual = Record(() => RiskConfiguration.Bind(section, basis));

        Assert.Equal(expected, actual);
    }

    /// <summary>RiskConfiguration.Bind as it was, with the reflection-based binder.</summary>
    private static RiskOptions ReflectionBind(IConfiguration section, RiskOptions basis)
    {
        var options = basis with { Strategy = basis.Strategy with { }, Strategies = new Dictionary<string, StrategyRiskOptions>() };
        section.Bind(options, Strict);
        var strategies = new Dictionary<string, StrategyRiskOptions>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, own) in basis.Strategies)
        {
            strategies[name] = own with { };
        }

        foreach (var child in section.GetSection(nameof(RiskOptions.Strategies)).GetChildren())
        {
            var inherited = (strategies.TryGetValue(child.Key, out var own) ? own : options.Strategy) with { };
            child.Bind(inherited, Strict);
            strategies[child.Key] = inherited;
        }

        return options with { Strategies = strategies };

        static void Strict(BinderOptions binder) => binder.ErrorOnUnknownConfiguration = true;
    }

    /// <summary>The options (strategies as sorted text) or the error with its inner errors.</summary>
    private static string Record(Func<RiskOptions> bind)
    {
        try
        {
            var options = bind();
            var strategies = options.Strategies.OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => $"{kv.Key}={kv.Value}");
            return $"{options with { Strategies = new Dictionary<string, StrategyRiskOptions>() }} {options.Strategy} [{string.Join(", ", strategies)}]";
        }
        catch (Exception ex) when (ex is InvalidOperationException or FormatException)
        {
            var messages = new List<string>();
            for (var e = (Exception?)ex; e is not null; e = e.InnerException)
            {
                messages.Add($"{e.GetType().Name}: {e.Message}");
            }

            return string.Join(" -> ", messages);
        }
    }

    private static IConfiguration Section(string json) =>
        new ConfigurationBuilder().AddJsonStream(new MemoryStream(Encoding.UTF8.GetBytes(json))).Build();

    private static IEnumerable<string> Properties(Type type) =>
        type.GetProperties(BindingFlags.DeclaredOnly | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static)
            .Select(p => p.Name).Order(StringComparer.Ordinal);
}
