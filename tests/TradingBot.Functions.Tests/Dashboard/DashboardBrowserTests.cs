using Microsoft.Playwright;
using TradingBot.Core.Exchange;
using TradingBot.Core.Execution;
using TradingBot.Core.Market;
using TradingBot.Functions.Tests.Api;
using TradingBot.Storage.Candles;
using TradingBot.Storage.Config;
using TradingBot.Storage.Orders;
using TradingBot.Storage.Risk;
using TradingBot.Testing;

namespace TradingBot.Functions.Tests.Dashboard;

/// <summary>
/// The dashboard in headless Chromium (Debian's, driven by Playwright) against the app on real Kestrel
/// (WebApplicationFactory; the DevHost is not on main yet) with Azurite: it loads without console errors, draws the
/// stored candles and the open order, and its strategy toggle and kill switch change the stored state. Screenshots go
/// to <c>artifacts/dashboard/</c>.
/// </summary>
[Collection(AzuriteTests.Name)]
public sealed class DashboardBrowserTests(AzuriteFixture azurite) : IDisposable
{
    private static readonly string Screenshots = Path.Combine(RepositoryPaths.Root, "artifacts", "dashboard");
    private readonly ApiHost _api = ApiHost.Create(azurite);
    private readonly List<string> _errors = [];

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

    private async Task<(IPlaywright Playwright, IBrowser Browser, IPage Page)> OpenAsync(int width, int height)
    {
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = HeadlessChromium.ExecutablePath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
        });
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = width, Height = height } });
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                _errors.Add(message.Text);
            }
        };
        page.PageError += (_, error) => _errors.Add(error);
        page.Response += (_, response) =>
        {
            if (response.Status >= 400)
            {
                _errors.Add($"{response.Status} {response.Url}");
            }
        };
        await page.GotoAsync(_api.Host.Client.BaseAddress!.ToString());
        await page.FillAsync("#login-key", ApiHost.TraderKey);
        await page.ClickAsync("#login-form button[type=submit]");
        await page.WaitForSelectorAsync("body[data-loaded=true]");
        return (playwright, browser, page);
    }

    private void NoBrowserErrors() => Assert.True(_errors.Count == 0, "browser errors:\n" + string.Join("\n", _errors));

    private static async Task ShotAsync(IPage page, string name)
    {
        Directory.CreateDirectory(Screenshots);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Screenshots, name + ".png"), FullPage = true });
    }

    [ChromiumFact]
    public async Task Dashboard_AfterLogin_ShowsCandlesAndOrdersWithoutConsoleErrors()
    {
        await SeedAsync();
        var (playwright, browser, page) = await OpenAsync(1280, 900);
        using (playwright)
        await using (browser)
        {
            await page.WaitForSelectorAsync("#orders tr[data-order='ord-open-1']");
            var bars = await page.GetAttributeAsync("#chart", "data-bars");
            var legend = await page.TextContentAsync("#chart-legend");
            await ShotAsync(page, "dashboard-laptop");

            Assert.Equal("120", bars);
            Assert.False(await page.IsVisibleAsync("#login"));
            Assert.Contains("overlays", legend, StringComparison.Ordinal);
            Assert.Contains("BTC/USDT", await page.TextContentAsync("#orders"), StringComparison.Ordinal);
            NoBrowserErrors();
        }
    }

    [ChromiumFact]
    public async Task Dashboard_PhoneWidth_LaysOutWithoutHorizontalOverflow()
    {
        await SeedAsync();
        var (playwright, browser, page) = await OpenAsync(390, 844);
        using (playwright)
        await using (browser)
        {
            await ShotAsync(page, "dashboard-phone");
            var overflow = await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth + 1");

            Assert.False(overflow);
            NoBrowserErrors();
        }
    }

    [ChromiumFact]
    public async Task StrategyToggle_Clicked_DisablesTheStoredStrategy()
    {
        await SeedAsync();
        var (playwright, browser, page) = await OpenAsync(1280, 900);
        using (playwright)
        await using (browser)
        {
            await page.ClickAsync($"input[data-strategy='{Scenario.StrategyId}']");
            await page.WaitForSelectorAsync($"input[data-strategy='{Scenario.StrategyId}'][data-enabled='false']");

            var stored = await _api.Service<ConfigStore>().GetStrategyAsync(Scenario.StrategyId, default);
            Assert.False(stored!.Enabled);
            NoBrowserErrors();
        }
    }

    [ChromiumFact]
    public async Task KillSwitch_ConfirmedWithAReason_HaltsEveryAccount()
    {
        await SeedAsync();
        var (playwright, browser, page) = await OpenAsync(1280, 900);
        using (playwright)
        await using (browser)
        {
            await page.ClickAsync("#kill");
            await page.FillAsync("#kill-message", "browser test halt");
            await ShotAsync(page, "kill-switch-confirmation");
            await page.ClickAsync("#kill-confirm");
            await page.WaitForSelectorAsync("body[data-halted=true]");
            await ShotAsync(page, "kill-switch-engaged");

            var book = await _api.Service<RiskStateStore>().GetAsync("paper-testex", default);
            Assert.True(book!.State.KillSwitchEngaged);
            Assert.Contains("browser test halt", book.State.Halts.Values.Single().Message, StringComparison.Ordinal);
            NoBrowserErrors();
        }
    }

    [ChromiumFact]
    public async Task BacktestLauncher_Run_ShowsStatisticsAndTheReport()
    {
        await SeedAsync();
        var (playwright, browser, page) = await OpenAsync(1280, 900);
        using (playwright)
        await using (browser)
        {
            await page.FillAsync("#bt-params", "fast=3, slow=8");
            await page.ClickAsync("#backtest-form button[type=submit]");
            await page.WaitForSelectorAsync("#bt-report[data-backtest]");
            var frame = page.FrameLocator("#bt-report");
            await frame.Locator("h1").WaitForAsync();
            await ShotAsync(page, "backtest-report");

            Assert.Contains("sma-cross", await page.TextContentAsync("#bt-status"), StringComparison.Ordinal);
            Assert.Contains("returnPct", await page.TextContentAsync("#bt-stats"), StringComparison.Ordinal);
            NoBrowserErrors();
        }
    }
}
