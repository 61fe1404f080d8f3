using TradingBot.Core.Exchange;
using TradingBot.Core.Execution;
using TradingBot.Core.Market;
using TradingBot.Functions.Api.Security;
using TradingBot.Functions.Tests.Api;
using TradingBot.Storage.Candles;
using TradingBot.Storage.Config;
using TradingBot.Storage.Orders;
using TradingBot.Storage.Risk;
using TradingBot.Testing;

namespace TradingBot.Functions.Tests.Dashboard;

/// <summary>
/// The dashboard in headless Chromium (Debian's, driven by Playwright) against the app on real Kestrel
/// (WebApplicationFactory) with Azurite and seeded data: it loads without console errors, draws the stored candles and
/// the open order, and its strategy toggle and kill switch change the stored state. Screenshots go to
/// <c>artifacts/dashboard/</c>. The same page against the DevHost-run app, with live paper trading, is
/// TradingBot.DevHost.Tests' DashboardOnDevHostTests.
/// </summary>
[Collection(AzuriteTests.Name)]
public sealed class DashboardBrowserTests(AzuriteFixture azurite) : IDisposable
{
    private readonly ApiHost _api = ApiHost.Create(azurite);

    public void Dispose() => _api.Dispose();

    private async Task SeedAsync()
    {
        await Scenario.ConfigureAsync(_api.Host, Scenario.Bars(Scenario.FirstBar.AddMinutes(-114), [.. Enumerable.Range(0, 120).Select(i => 100m + (i % 13) - (i % 7))]));
        await _api.Service<ConfigStore>().SetLastCandleTimeAsync(PipelineHost.VenueId, Scenario.BtcUsdt, Timeframe.OneMinute, Scenario.FirstBar.AddMinutes(5), default);
        var order = new TrackedOrder("ord-open-1", "tbopen1", "sig", "corr", Scenario.StrategyId, PipelineHost.VenueId, "paper-testex", TradingMode.Paper,
            Scenario.BtcUsdt, OrderSide.Buy, OrderType.Limit, 0.5m, 99m, PipelineHost.Start) { LimitPrice = 98.5m, UpdatedAt = PipelineHost.Start };
        var orders = _api.Service<OrderStore>();
        var claim = await orders.ClaimAsync(order, default);
        await orders.SaveAsync(claim.Stored, order with { State = OrderState.Open, ExchangeOrderId = "x-1" }, [], default);
    }

    private Task<BrowserPage> OpenAsync(int width, int height) => BrowserPage.OpenAsync(width, height, async page =>
    {
        await page.GotoAsync(_api.Host.Client.BaseAddress!.ToString());
        await page.FillAsync("#login-key", ApiHost.TraderKey);
        await page.ClickAsync("#login-form button[type=submit]");
        await page.WaitForSelectorAsync("body[data-loaded=true]");
    });

    private static void NoBrowserErrors(BrowserPage browser) => Assert.True(browser.Errors.Count == 0, browser.ErrorReport);

    [ChromiumFact]
    public async Task Dashboard_AfterLogin_ShowsCandlesAndOrdersWithoutConsoleErrors()
    {
        await SeedAsync();
        await using var browser = await OpenAsync(1280, 900);
        var page = browser.Page;
        await page.WaitForSelectorAsync("#orders tr[data-order='ord-open-1']");
        var bars = await page.GetAttributeAsync("#chart", "data-bars");
        var legend = await page.TextContentAsync("#chart-legend");
        await browser.ScreenshotAsync("dashboard-laptop");

        Assert.Equal("120", bars);
        Assert.False(await page.IsVisibleAsync("#login"));
        Assert.Contains("overlays", legend, StringComparison.Ordinal);
        Assert.Contains("BTC/USDT", await page.TextContentAsync("#orders"), StringComparison.Ordinal);
        NoBrowserErrors(browser);
    }

    [ChromiumFact]
    public async Task Dashboard_PhoneWidth_LaysOutWithoutHorizontalOverflow()
    {
        await SeedAsync();
        await using var browser = await OpenAsync(390, 844);
        var page = browser.Page;
        await browser.ScreenshotAsync("dashboard-phone");
        var overflow = await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth + 1");

        Assert.False(overflow);
        NoBrowserErrors(browser);
    }

    [ChromiumFact]
    public async Task StrategyToggle_Clicked_DisablesTheStoredStrategy()
    {
        await SeedAsync();
        await using var browser = await OpenAsync(1280, 900);
        var page = browser.Page;
        await page.ClickAsync($"input[data-strategy='{Scenario.StrategyId}']");
        await page.WaitForSelectorAsync($"input[data-strategy='{Scenario.StrategyId}'][data-enabled='false']");

        var stored = await _api.Service<ConfigStore>().GetStrategyAsync(Scenario.StrategyId, default);
        Assert.False(stored!.Enabled);
        NoBrowserErrors(browser);
    }

    [ChromiumFact]
    public async Task KillSwitch_ConfirmedWithAReason_HaltsEveryAccount()
    {
        await SeedAsync();
        await using var browser = await OpenAsync(1280, 900);
        var page = browser.Page;
        await page.ClickAsync("#kill");
        await page.FillAsync("#kill-message", "browser test halt");
        await browser.ScreenshotAsync("kill-switch-confirmation");
        await page.ClickAsync("#kill-confirm");
        await page.WaitForSelectorAsync("body[data-halted=true]");
        await browser.ScreenshotAsync("kill-switch-engaged");

        var book = await _api.Service<RiskStateStore>().GetAsync("paper-testex", default);
        Assert.True(book!.State.KillSwitchEngaged);
        Assert.Contains("browser test halt", book.State.Halts.Values.Single().Message, StringComparison.Ordinal);
        NoBrowserErrors(browser);
    }

    [ChromiumFact]
    public async Task BacktestLauncher_Run_ShowsStatisticsAndTheReport()
    {
        await SeedAsync();
        await using var browser = await OpenAsync(1280, 900);
        var page = browser.Page;
        await page.FillAsync("#bt-params", "fast=3, slow=8");
        await page.ClickAsync("#backtest-form button[type=submit]");
        await page.WaitForSelectorAsync("#bt-report[data-backtest]");
        var frame = page.FrameLocator("#bt-report");
        await frame.Locator("h1").WaitForAsync();
        await browser.ScreenshotAsync("backtest-report");

        Assert.Contains("sma-cross", await page.TextContentAsync("#bt-status"), StringComparison.Ordinal);
        Assert.Contains("returnPct", await page.TextContentAsync("#bt-stats"), StringComparison.Ordinal);
        NoBrowserErrors(browser);
    }

    [ChromiumFact]
    public async Task Dashboard_SignedInByAppServiceAuthentication_AsksForNoKey()
    {
        using var azure = ApiHost.Create(azurite, ("Api:Auth:Mode", "AppService"), (ApiAuthenticationHandler.PlatformAuthSetting, "True"));
        await using var browser = await BrowserPage.OpenAsync(1280, 900, async page =>
        {
            // What App Service authentication adds to every request of a browser signed in with Entra ID.
            await page.SetExtraHTTPHeadersAsync(new Dictionary<string, string> { [ApiRoles.PrincipalHeader] = ApiSecurityTests.Principal("alice@example.com", ApiRoles.Trader) });
            await page.GotoAsync(azure.Host.Client.BaseAddress!.ToString());
            await page.WaitForSelectorAsync("body[data-loaded=true]");
        });

        Assert.False(await browser.Page.IsVisibleAsync("#login"));
        Assert.True(await browser.Page.IsVisibleAsync("#app"));
        NoBrowserErrors(browser);
    }
}
