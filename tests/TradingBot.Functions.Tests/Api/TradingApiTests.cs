using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using TradingBot.Core.Exchange;
using TradingBot.Core.Messages;
using TradingBot.Core.Strategies;
using TradingBot.Functions.Api;
using TradingBot.Functions.Functions;
using TradingBot.Storage.Orders;
using TradingBot.Storage.Poison;
using TradingBot.Testing;

namespace TradingBot.Functions.Tests.Api;

/// <summary>The read routes over data the pipeline itself produced: orders, fills, positions, portfolio, signals, decisions, candles, poison.</summary>
[Collection(AzuriteTests.Name)]
public sealed class TradingApiTests(AzuriteFixture azurite) : IDisposable
{
    private readonly ApiHost _api = ApiHost.Create(azurite);

    public void Dispose() => _api.Dispose();

    private static JsonElement.ArrayEnumerator Items(JsonElement page) => page.GetProperty("items").EnumerateArray();

    [Fact]
    public async Task Orders_AfterATrade_ListAndFilterByStatusVenueSymbolAndTime()
    {
        var (_, _, orders, _) = await Trades.CrossUpAsync(_api.Host);
        var approved = MessageJson.Deserialize<OrderApproved>(Assert.Single(orders));

        var all = await ApiHost.GetAsync(_api.Viewer, "/api/orders");
        var filled = await ApiHost.GetAsync(_api.Viewer, "/api/orders?status=filled&venue=testex&symbol=BTC/USDT");
        var active = await ApiHost.GetAsync(_api.Viewer, "/api/orders?status=active");
        var later = await ApiHost.GetAsync(_api.Viewer, "/api/orders?from=2026-01-11T00:00:00Z");
        var other = await ApiHost.GetAsync(_api.Viewer, "/api/orders?symbol=ETH/USDT");

        var order = Assert.Single(Items(all));
        Assert.Equal(approved.Id, order.GetProperty("orderId").GetString());
        Assert.Equal("filled", order.GetProperty("state").GetString());
        Assert.Equal(JsonValueKind.String, order.GetProperty("amount").ValueKind);
        Assert.Single(Items(filled));
        Assert.Empty(Items(active));
        Assert.Empty(Items(later));
        Assert.Empty(Items(other));
    }

    [Fact]
    public async Task Order_ReadOneByOne_HasItsFills()
    {
        var (_, _, orders, _) = await Trades.CrossUpAsync(_api.Host);
        var approved = MessageJson.Deserialize<OrderApproved>(Assert.Single(orders));

        var order = await ApiHost.GetAsync(_api.Viewer, $"/api/orders/testex/{approved.Id}");

        var fill = Assert.Single(order.GetProperty("fills").EnumerateArray());
        Assert.Equal(approved.Amount.ToString(System.Globalization.CultureInfo.InvariantCulture), fill.GetProperty("amount").GetString());
        await ApiHost.GetAsync(_api.Viewer, "/api/orders/testex/ord-missing", HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("status=done", "status")]
    [InlineData("symbol=BTC", "symbol")]
    [InlineData("venue=a/b", "venue")]
    [InlineData("from=yesterday", "from")]
    [InlineData("from=2026-01-11T00:00:00Z&to=2026-01-10T00:00:00Z", "from")]
    public async Task Orders_BadFilter_Is400NamingTheField(string query, string field)
    {
        var problem = await ApiHost.GetAsync(_api.Viewer, "/api/orders?" + query, HttpStatusCode.BadRequest);

        Assert.NotEmpty(ApiHost.Errors(problem, field));
    }

    [Theory]
    [InlineData("/api/orders?from=yesterday", "from", "'yesterday' is not a valid time (ISO-8601 such as 2026-01-10T12:00:00Z).")]
    [InlineData("/api/orders?pageSize=ten", "pageSize", "'ten' is not a valid whole number.")]
    [InlineData("/api/risk/decisions?approved=maybe", "approved", "'maybe' is not a valid boolean (true or false).")]
    [InlineData("/api/events?after=x", "after", "'x' is not a valid whole number.")]
    public async Task Query_ValueOfTheWrongType_Is400SayingWhatTheValueMustBe(string path, string field, string reason)
    {
        var problem = await ApiHost.GetAsync(_api.Viewer, path, HttpStatusCode.BadRequest);

        Assert.Equal([reason], ApiHost.Errors(problem, field));
    }

    [Fact]
    public async Task Query_EveryTypedParameterOfEveryRoute_ABadValueIs400NamingIt()
    {
        var endpoints = _api.Service<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Select(e => (Endpoint: e, Parameters: e.Metadata.GetMetadata<System.Reflection.MethodInfo>() is { } m ? QueryBinding.NullableParsable(m) : []))
            .Where(e => e.Parameters.Length > 0)
            .ToList();
        var checkedParameters = 0;

        foreach (var (endpoint, parameters) in endpoints)
        {
            Assert.Equal([HttpMethods.Get], endpoint.Metadata.GetRequiredMetadata<HttpMethodMetadata>().HttpMethods);
            var path = string.Join('/', endpoint.RoutePattern.RawText!.Split('/').Select(s => s.StartsWith('{') ? "x" : s));
            foreach (var (name, type) in parameters)
            {
                var problem = await ApiHost.GetAsync(_api.Viewer, $"{path}?{name}=nope", HttpStatusCode.BadRequest);

                Assert.Equal([$"'nope' is not a valid {(type == typeof(bool) ? "boolean (true or false)" : type == typeof(DateTimeOffset) ? "time (ISO-8601 such as 2026-01-10T12:00:00Z)" : "whole number")}."],
                    ApiHost.Errors(problem, name));
                checkedParameters++;
            }
        }

        Assert.True(checkedParameters >= 17, $"only {checkedParameters} typed query parameters found");
    }

    [Theory]
    [InlineData("/api/orders?pageSize=ten&from=yesterday&to=tomorrow", "from", "'yesterday' is not a valid time (ISO-8601 such as 2026-01-10T12:00:00Z).")]
    [InlineData("/api/orders?from=2026-01-10&to=tomorrow&pageSize=ten", "to", "'tomorrow' is not a valid time (ISO-8601 such as 2026-01-10T12:00:00Z).")]
    [InlineData("/api/risk/decisions?pageSize=0&approved=maybe&from=1", "approved", "'maybe' is not a valid boolean (true or false).")]
    public async Task Query_SeveralValuesOfTheWrongType_NamesTheFirstParameterOfTheRouteOnly(string path, string field, string reason)
    {
        var problem = await ApiHost.GetAsync(_api.Viewer, path, HttpStatusCode.BadRequest);

        Assert.Equal([field], problem.GetProperty("errors").EnumerateObject().Select(e => e.Name));
        Assert.Equal([reason], ApiHost.Errors(problem, field));
    }

    [Fact]
    public async Task Orders_ManyOrders_PageThroughAllOfThem()
    {
        var store = _api.Service<OrderStore>();
        for (var i = 0; i < 5; i++)
        {
            await store.ClaimAsync(new Core.Execution.TrackedOrder($"ord-{i}", $"tb{i}", "sig", "corr", "s", "testex", "paper-testex", Core.Execution.TradingMode.Paper,
                Scenario.BtcUsdt, OrderSide.Buy, OrderType.Market, 1m, 10m, PipelineHost.Start) { UpdatedAt = PipelineHost.Start }, default);
        }

        var seen = new List<string>();
        string? token = null;
        var pages = 0;
        do
        {
            var page = await ApiHost.GetAsync(_api.Viewer, "/api/orders?pageSize=2" + (token is null ? "" : "&continuationToken=" + Uri.EscapeDataString(token)));
            seen.AddRange(Items(page).Select(o => o.GetProperty("orderId").GetString()!));
            token = page.TryGetProperty("continuationToken", out var next) ? next.GetString() : null;
            pages++;
        }
        while (token is not null && pages < 10);

        Assert.Equal(["ord-0", "ord-1", "ord-2", "ord-3", "ord-4"], seen);
        Assert.Equal(3, pages);
    }

    [Fact]
    public async Task Cancel_OpenOrder_AsksTheVenueOnceAndTheReconcilerRecordsIt()
    {
        await Scenario.ConfigureAsync(_api.Host);
        _api.Host.Paper.Script(FakeOrderScript.Open());
        var approved = OrderApproved.For(SignalRaised.For(Scenario.Closed(Scenario.CrossUp()[^1]), Scenario.StrategyId, "sma-cross", StrategySignal.Long("test")),
            OrderSide.Buy, 2m, PipelineHost.Start);
        await _api.Host.DeliverAsync(nameof(ExecuteOrders), ExecuteOrders.Trigger, approved);

        var cancel = await ApiHost.PostAsync(_api.Trader, $"/api/orders/testex/{approved.Id}/cancel", null, HttpStatusCode.Accepted);
        var reconciled = await _api.Host.TickAsync(nameof(ReconcileOrders));

        Assert.Equal("canceled", cancel.GetProperty("venueStatus").GetString());
        Assert.Equal(1, _api.Host.Paper.CreateCalls);
        var update = Assert.Single(reconciled.Messages<OrderUpdated>(ReconcileOrders.Output));
        Assert.Equal(Core.Execution.OrderState.Canceled, update.State);
        var stored = await _api.Service<OrderStore>().GetAsync("testex", approved.Id, default);
        Assert.Equal(Core.Execution.OrderState.Canceled, stored!.Order.State);
        var terminal = await ApiHost.PostAsync(_api.Trader, $"/api/orders/testex/{approved.Id}/cancel", null, HttpStatusCode.Conflict);
        Assert.Contains("canceled already", terminal.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Fills_AfterATrade_FilterByAccountSymbolAndOrder()
    {
        var (_, _, orders, _) = await Trades.CrossUpAsync(_api.Host);
        var approved = MessageJson.Deserialize<OrderApproved>(Assert.Single(orders));

        var byAccount = await ApiHost.GetAsync(_api.Viewer, "/api/fills?account=paper-testex&symbol=BTC/USDT");
        var byOrder = await ApiHost.GetAsync(_api.Viewer, $"/api/fills?venue=testex&orderId={approved.Id}");
        var none = await ApiHost.GetAsync(_api.Viewer, "/api/fills?account=testex");

        var fill = Assert.Single(Items(byAccount));
        Assert.Equal("buy", fill.GetProperty("side").GetString());
        Assert.Equal("12.01", fill.GetProperty("price").GetString());
        Assert.Single(Items(byOrder));
        Assert.Empty(Items(none));
    }

    [Fact]
    public async Task Positions_AfterATrade_AreMarkedAtTheNewestCandle()
    {
        var (_, _, orders, _) = await Trades.CrossUpAsync(_api.Host);
        var amount = MessageJson.Deserialize<OrderApproved>(Assert.Single(orders)).Amount;

        var positions = await ApiHost.GetAsync(_api.Viewer, "/api/positions?account=paper-testex");

        var position = Assert.Single(Items(positions));
        Assert.Equal("12", position.GetProperty("markPrice").GetString());
        Assert.Equal(amount, decimal.Parse(position.GetProperty("quantity").GetString()!, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(amount * (12m - 12.01m), decimal.Parse(position.GetProperty("unrealizedPnl").GetString()!, System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task Portfolio_AfterATrade_ShowsEquityCashAndBookedBalances()
    {
        await Trades.CrossUpAsync(_api.Host);

        var portfolio = await ApiHost.GetAsync(_api.Viewer, "/api/portfolio");
        var curve = await ApiHost.GetAsync(_api.Viewer, "/api/portfolio/equity?account=paper-testex");

        var account = Assert.Single(portfolio.GetProperty("accounts").EnumerateArray());
        Assert.Equal("paper-testex", account.GetProperty("account").GetString());
        Assert.Equal("USDT", account.GetProperty("quote").GetString());
        Assert.Equal(1, account.GetProperty("openPositions").GetInt32());
        Assert.Contains(account.GetProperty("balances").EnumerateArray(), b => b.GetProperty("currency").GetString() == "BTC");
        var points = curve.GetProperty("points").EnumerateArray().ToList();
        Assert.Equal(2, points.Count);
        Assert.Equal(account.GetProperty("equity").GetString(), points[^1].GetProperty("equity").GetString());
        await ApiHost.GetAsync(_api.Viewer, "/api/portfolio/equity", HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Signals_AfterATrade_CarryTheirRiskDecision()
    {
        await Trades.CrossUpAsync(_api.Host);

        var signals = await ApiHost.GetAsync(_api.Viewer, "/api/signals?from=2026-01-10&to=2026-01-10");
        var approved = await ApiHost.GetAsync(_api.Viewer, "/api/risk/decisions?from=2026-01-10&to=2026-01-10&approved=true");
        var rejected = await ApiHost.GetAsync(_api.Viewer, "/api/risk/decisions?from=2026-01-10&to=2026-01-10&approved=false");

        var signal = Assert.Single(Items(signals));
        Assert.Equal("long", signal.GetProperty("target").GetString());
        Assert.True(signal.GetProperty("decision").GetProperty("approved").GetBoolean());
        Assert.Equal("approved", Assert.Single(Items(approved)).GetProperty("code").GetString());
        Assert.Empty(Items(rejected));
    }

    [Theory]
    [InlineData("from=2026-13-01", "from")]
    [InlineData("from=2025-01-01&to=2026-01-10", "from")]
    [InlineData("strategyId=a%20b", "strategyId")]
    public async Task Signals_BadWindow_Is400(string query, string field)
    {
        var problem = await ApiHost.GetAsync(_api.Viewer, "/api/signals?" + query, HttpStatusCode.BadRequest);

        Assert.NotEmpty(ApiHost.Errors(problem, field));
    }

    [Fact]
    public async Task Candles_StoredBars_ListPagedAndChartWithOverlaysAndMarkers()
    {
        await Trades.CrossUpAsync(_api.Host);

        var newest = await ApiHost.GetAsync(_api.Viewer, "/api/candles?venue=testex&symbol=BTC/USDT&timeframe=1m&pageSize=4");
        var first = await ApiHost.GetAsync(_api.Viewer, "/api/candles?venue=testex&symbol=BTC/USDT&timeframe=1m&from=2026-01-10T11:54:00Z&pageSize=4");
        var rest = await ApiHost.GetAsync(_api.Viewer, "/api/candles?venue=testex&symbol=BTC/USDT&timeframe=1m&from=2026-01-10T11:54:00Z&pageSize=4&continuationToken="
            + Uri.EscapeDataString(first.GetProperty("continuationToken").GetString()!));
        var chart = await ApiHost.GetAsync(_api.Viewer, $"/api/candles/chart?venue=testex&symbol=BTC/USDT&timeframe=1m&strategyId={Scenario.StrategyId}&bars=6");

        Assert.Equal("2026-01-10T11:59:00Z", Items(newest).Last().GetProperty("time").GetString());
        Assert.Equal(4, Items(newest).Count());
        Assert.Equal(4, Items(first).Count());
        Assert.Equal(2, Items(rest).Count());
        Assert.Equal(6, chart.GetProperty("candles").GetArrayLength());
        Assert.Contains(chart.GetProperty("overlays").EnumerateArray(), o => o.GetProperty("points").GetArrayLength() > 0);
        Assert.Equal("buy", Assert.Single(chart.GetProperty("markers").EnumerateArray()).GetProperty("side").GetString());
    }

    [Theory]
    [InlineData("symbol=BTC/USDT&timeframe=1m", "venue")]
    [InlineData("venue=testex&timeframe=1m", "symbol")]
    [InlineData("venue=testex&symbol=BTC/USDT", "timeframe")]
    public async Task Candles_MissingMarketPart_Is400(string query, string field)
    {
        var problem = await ApiHost.GetAsync(_api.Viewer, "/api/candles?" + query, HttpStatusCode.BadRequest);

        Assert.NotEmpty(ApiHost.Errors(problem, field));
    }

    [Fact]
    public async Task Poison_RecordedMessage_IsListedWithItsReason()
    {
        await _api.Host.DeliverAsync(nameof(ApplyRisk), ApplyRisk.Trigger, """{"schema":"tradingbot.signal-raised.v1","id":"x"}""");

        var all = await ApiHost.GetAsync(_api.Viewer, "/api/poison");
        var other = await ApiHost.GetAsync(_api.Viewer, "/api/poison?function=ExecuteOrders");

        var record = Assert.Single(Items(all));
        Assert.Equal(nameof(ApplyRisk), record.GetProperty("function").GetString());
        Assert.False(string.IsNullOrEmpty(record.GetProperty("reason").GetString()));
        Assert.Empty(Items(other));
        Assert.Single(await _api.Service<PoisonStore>().ListAsync(null, default));
    }
}
