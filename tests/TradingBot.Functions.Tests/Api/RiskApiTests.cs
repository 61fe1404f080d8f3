using System.Net;
using TradingBot.Core.Market;
using TradingBot.Core.Messages;
using TradingBot.Core.Risk;
using TradingBot.Functions.Functions;
using TradingBot.Functions.Pipeline;
using TradingBot.Storage.Risk;
using TradingBot.Testing;

namespace TradingBot.Functions.Tests.Api;

[Collection(AzuriteTests.Name)]
public sealed class RiskApiTests(AzuriteFixture azurite) : IDisposable
{
    private readonly ApiHost _api = ApiHost.Create(azurite);

    public void Dispose() => _api.Dispose();

    [Fact]
    public async Task Halt_EveryAccount_EngagesTheKillSwitchAndRiskRejectsTheNextSignal()
    {
        await Scenario.ConfigureAsync(_api.Host, Scenario.CrossUp());

        var halted = await ApiHost.PostAsync(_api.Trader, "/api/risk/halt", new { message = "market looks broken" });
        var again = await ApiHost.PostAsync(_api.Trader, "/api/risk/halt", new { message = "twice" });
        var signals = await _api.Host.DeliverAllAsync(nameof(EvaluateStrategies), EvaluateStrategies.Trigger,
            [MessageJson.Serialize(Scenario.Closed(Scenario.CrossUp()[^1]))], EvaluateStrategies.Output);
        var orders = await _api.Host.DeliverAllAsync(nameof(ApplyRisk), ApplyRisk.Trigger, signals, ApplyRisk.Output);

        Assert.Equal(["paper-testex"], halted.GetProperty("changed").EnumerateArray().Select(a => a.GetString()));
        Assert.Empty(again.GetProperty("changed").EnumerateArray());
        var account = Assert.Single(halted.GetProperty("state").GetProperty("accounts").EnumerateArray());
        Assert.True(account.GetProperty("killSwitchEngaged").GetBoolean());
        Assert.Contains("market looks broken", account.GetProperty("halts")[0].GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Single(signals);
        Assert.Empty(orders);
        var decisions = await ApiHost.GetAsync(_api.Viewer, "/api/risk/decisions?from=2026-01-10&to=2026-01-10&approved=false");
        Assert.Equal("kill-switch", Assert.Single(decisions.GetProperty("items").EnumerateArray()).GetProperty("code").GetString());
    }

    [Fact]
    public async Task Resume_AfterHalt_ReleasesTheKillSwitch()
    {
        await Scenario.ConfigureAsync(_api.Host);
        await ApiHost.PostAsync(_api.Trader, "/api/risk/halt", new { message = "pause", account = "paper-testex" });

        var resumed = await ApiHost.PostAsync(_api.Trader, "/api/risk/resume", new { message = "all clear", account = "paper-testex", reason = "kill-switch" });
        var risk = await ApiHost.GetAsync(_api.Viewer, "/api/risk");

        Assert.Equal(["paper-testex"], resumed.GetProperty("changed").EnumerateArray().Select(a => a.GetString()));
        Assert.False(Assert.Single(risk.GetProperty("accounts").EnumerateArray()).GetProperty("killSwitchEngaged").GetBoolean());
        var book = await _api.Service<RiskStateStore>().GetAsync("paper-testex", default);
        Assert.False(book!.State.KillSwitchEngaged);
    }

    [Theory]
    [InlineData("/api/risk/halt", """{"message":""}""", "message")]
    [InlineData("/api/risk/halt", """{"message":"x","account":"a/b"}""", "account")]
    [InlineData("/api/risk/halt", """{"message":"x","flatten":"yes"}""", "flatten")]
    [InlineData("/api/risk/resume", """{"message":"x","reason":"max-position"}""", "reason")]
    [InlineData("/api/risk/resume", """{"reason":"kill-switch"}""", "body")]
    public async Task HaltOrResume_InvalidBody_Is400NamingTheField(string route, string body, string field)
    {
        using var content = new StringContent(body, System.Text.Encoding.UTF8, "application/json");

        using var response = await _api.Trader.PostAsync(route, content);

        Assert.NotEmpty(ApiHost.Errors(await ApiHost.ReadAsync(response, HttpStatusCode.BadRequest), field));
    }

    [Fact]
    public async Task HaltWithFlatten_OpenPosition_IsExitedByThePipelineOnTheNextCandleOnce()
    {
        var (_, _, orders, _) = await Trades.CrossUpAsync(_api.Host);
        var entry = MessageJson.Deserialize<OrderApproved>(Assert.Single(orders));

        await ApiHost.PostAsync(_api.Trader, "/api/risk/halt", new { message = "flatten everything", flatten = true });
        var next = Scenario.Closed(new Candle(Scenario.FirstBar.AddMinutes(6), 12m, 12.5m, 11.9m, 12.2m, 1m));
        var exitSignals = await _api.Host.DeliverAllAsync(nameof(EvaluateStrategies), EvaluateStrategies.Trigger, [MessageJson.Serialize(next)], EvaluateStrategies.Output);
        var exitOrders = await _api.Host.DeliverAllAsync(nameof(ApplyRisk), ApplyRisk.Trigger, exitSignals, ApplyRisk.Output);

        var exit = MessageJson.Deserialize<SignalRaised>(Assert.Single(exitSignals));
        Assert.Equal(ProtectiveExits.StrategyId, exit.StrategyId);
        Assert.Equal(ProtectiveExits.KillSwitchKind, exit.Strategy);
        var order = MessageJson.Deserialize<OrderApproved>(Assert.Single(exitOrders));
        Assert.Equal(Core.Exchange.OrderSide.Sell, order.Side);
        Assert.Equal(entry.Amount, order.Amount);

        // While that exit is executing, the following candle asks for nothing more.
        var after = Scenario.Closed(new Candle(Scenario.FirstBar.AddMinutes(7), 12.2m, 12.3m, 12m, 12.1m, 1m));
        var more = await _api.Host.DeliverAllAsync(nameof(EvaluateStrategies), EvaluateStrategies.Trigger, [MessageJson.Serialize(after)], EvaluateStrategies.Output);
        Assert.DoesNotContain(more, s => MessageJson.Deserialize<SignalRaised>(s).StrategyId == ProtectiveExits.StrategyId);
        var book = await _api.Service<RiskStateStore>().GetAsync("paper-testex", default);
        Assert.NotNull(book!.FlattenRequestedAt);
        Assert.False(book.Pending[order.Id].StopOut);
    }

    [Fact]
    public async Task HaltBeforeAnyDecision_LaterDecisionsStillGetStartingEquity()
    {
        await Scenario.ConfigureAsync(_api.Host, Scenario.CrossUp());
        await ApiHost.PostAsync(_api.Trader, "/api/risk/halt", new { message = "before the first trade" });
        await ApiHost.PostAsync(_api.Trader, "/api/risk/resume", new { message = "go" });

        var signals = await _api.Host.DeliverAllAsync(nameof(EvaluateStrategies), EvaluateStrategies.Trigger,
            [MessageJson.Serialize(Scenario.Closed(Scenario.CrossUp()[^1]))], EvaluateStrategies.Output);
        var orders = await _api.Host.DeliverAllAsync(nameof(ApplyRisk), ApplyRisk.Trigger, signals, ApplyRisk.Output);

        Assert.Single(orders);
        var book = await _api.Service<RiskStateStore>().GetAsync("paper-testex", default);
        Assert.Equal(10_000m, book!.State.StartingEquity);
    }
}
