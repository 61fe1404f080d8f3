using System.Net.Http.Json;
using System.Text.Json;
using TradingBot.DevHost.Storage;
using TradingBot.DevHost.Tests.EndToEnd;
using TradingBot.Testing;

namespace TradingBot.DevHost.Tests.Dashboard;

/// <summary>
/// The dashboard in headless Chromium against the real DevHost-run app (DevHost, handler process, Azurite; paper
/// trading on the simulated market at 60x), as a user meets it: the printed URL signs in and the page draws candles
/// and the paper pipeline's fills as they happen; the login form refuses a wrong key and takes the printed one; a
/// strategy toggle and the kill switch (with its confirmation, then resume) change what the API reports. Every page
/// runs without console errors, page errors or failed responses. Screenshots go to <c>artifacts/dashboard/</c>.
/// </summary>
public sealed class DashboardOnDevHostTests(RunningDevHost devHost) : IClassFixture<RunningDevHost>
{
    /// <summary>Bound of a wait for the running pipeline (issue 6: trades on the dashboard within 60 s). Not a timed assertion.</summary>
    private const int PipelineSeconds = 60;

    private static readonly string Strategy = DemoConfiguration.Strategies[0].Id;

    /// <summary>Opens the printed URL (the key as <c>code</c>), which signs the page in, and waits until the dashboard has loaded.</summary>
    private Task<BrowserPage> OpenDashboardAsync() => BrowserPage.OpenAsync(1280, 900, async page =>
    {
        await page.GotoAsync(devHost.DashboardUrl.ToString());
        await page.WaitForSelectorAsync("body[data-loaded=true]");
    });

    private void NoBrowserErrors(BrowserPage browser) => Assert.True(browser.Errors.Count == 0, browser.ErrorReport + Environment.NewLine + devHost.LogTail());

    [ChromiumFact]
    public async Task PrintedUrl_SignsInAndShowsCandlesAndThePaperTrades_WithoutBrowserErrors()
    {
        await using var browser = await OpenDashboardAsync();
        var page = browser.Page;
        await page.WaitForSelectorAsync("#chart:not([data-bars='0'])", new() { Timeout = PipelineSeconds * 1000 });
        await page.WaitForSelectorAsync("#fills tr[data-fill]", new() { Timeout = PipelineSeconds * 1000 });
        await browser.ScreenshotAsync("devhost-dashboard");

        Assert.False(await page.IsVisibleAsync("#login"));
        Assert.DoesNotContain("code=", page.Url, StringComparison.Ordinal);
        Assert.True(int.Parse(await page.GetAttributeAsync("#chart", "data-bars") ?? "0", System.Globalization.CultureInfo.InvariantCulture) > 0);
        var shown = await page.GetAttributeAsync("#fills tr[data-fill]", "data-fill");
        using var client = devHost.Client();
        var fills = await client.GetFromJsonAsync<JsonElement>("api/fills?pageSize=1000");
        Assert.Contains(fills.GetProperty("items").EnumerateArray(), f => f.GetProperty("tradeId").GetString() == shown);
        NoBrowserErrors(browser);
    }

    [ChromiumFact]
    public async Task LoginForm_AfterSignOut_RefusesAWrongKeyAndSignsInWithThePrintedOne()
    {
        await using var browser = await OpenDashboardAsync();
        var page = browser.Page;
        var streamClosed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        page.RequestFailed += (_, request) =>
        {
            if (new Uri(request.Url).AbsolutePath == "/api/events")
            {
                streamClosed.TrySetResult();
            }
        };
        await page.WaitForSelectorAsync("#live.ok");
        await page.ClickAsync("#logout");
        // Signing out closes the live stream (a signed-out page must not go on refreshing with no key).
        await streamClosed.Task.WaitAsync(TimeSpan.FromSeconds(30));
        await page.WaitForSelectorAsync("#login-form");
        Assert.False(await page.IsVisibleAsync("#app"));

        await page.FillAsync("#login-key", "not-the-key");
        await page.ClickAsync("#login-form button[type=submit]");
        await page.WaitForSelectorAsync("#login-error:has-text('refused')");
        await browser.ScreenshotAsync("devhost-login-refused");
        var refused = browser.TakeErrors();
        await page.FillAsync("#login-key", TestDevHost.Key);
        await page.ClickAsync("#login-form button[type=submit]");
        await page.WaitForSelectorAsync("body[data-loaded=true]");

        Assert.NotEmpty(refused);
        Assert.All(refused, e => Assert.Contains("401", e, StringComparison.Ordinal));
        Assert.False(await page.IsVisibleAsync("#login"));
        Assert.True(await page.IsVisibleAsync("#strategies input[data-strategy]"));
        NoBrowserErrors(browser);
    }

    [ChromiumFact]
    public async Task StrategyToggle_ClickedOffThenOn_ChangesTheStrategyTheApiReports()
    {
        await using var browser = await OpenDashboardAsync();
        var page = browser.Page;
        using var client = devHost.Client();
        var toggle = $"#strategies input[data-strategy='{Strategy}']";
        try
        {
            Assert.True(await page.IsCheckedAsync(toggle));
            await page.ClickAsync(toggle);
            // Settled: the answer came back (the switch is usable again) and the page shows it off, also after a re-render.
            await page.WaitForSelectorAsync(toggle + ":not(:checked):not([disabled])");
            var disabled = await EnabledAsync(client);
            await browser.ScreenshotAsync("devhost-strategy-disabled");
            await page.ClickAsync(toggle);
            await page.WaitForSelectorAsync(toggle + ":checked:not([disabled])");

            Assert.False(disabled);
            Assert.True(await EnabledAsync(client));
            NoBrowserErrors(browser);
        }
        finally
        {
            if (!await EnabledAsync(client))
            {
                (await client.PostAsync($"api/strategies/{Strategy}/enable", null)).EnsureSuccessStatusCode();
            }
        }
    }

    [ChromiumFact]
    public async Task KillSwitch_ConfirmedThenResumed_HaltsEveryAccountUntilResumed()
    {
        await using var browser = await OpenDashboardAsync();
        var page = browser.Page;
        using var client = devHost.Client();
        var confirmations = new List<string>();
        page.Dialog += async (_, dialog) =>
        {
            confirmations.Add(dialog.Message);
            await dialog.AcceptAsync();
        };
        try
        {
            await page.ClickAsync("#kill");
            await page.FillAsync("#kill-message", "browser test on the DevHost");
            await browser.ScreenshotAsync("devhost-kill-switch-confirmation");
            await page.ClickAsync("#kill-confirm");
            await page.WaitForSelectorAsync("body[data-halted=true]");
            await browser.ScreenshotAsync("devhost-kill-switch-engaged");
            var halted = await AccountsAsync(client);
            await page.ClickAsync("#resume");
            await page.WaitForSelectorAsync("body[data-halted=false]");
            var resumed = await AccountsAsync(client);

            Assert.NotEmpty(halted);
            Assert.All(halted, a =>
            {
                Assert.True(a.GetProperty("killSwitchEngaged").GetBoolean());
                Assert.Contains(a.GetProperty("halts").EnumerateArray(), h => h.GetProperty("message").GetString()!.StartsWith("browser test on the DevHost", StringComparison.Ordinal));
            });
            Assert.Equal("Resume trading on every halted account?", Assert.Single(confirmations));
            Assert.All(resumed, a => Assert.False(a.GetProperty("killSwitchEngaged").GetBoolean()));
            Assert.False(await page.IsVisibleAsync("#halted"));
            NoBrowserErrors(browser);
        }
        finally
        {
            if ((await AccountsAsync(client)).Any(a => a.GetProperty("killSwitchEngaged").GetBoolean()))
            {
                (await client.PostAsJsonAsync("api/risk/resume", new { message = "test cleanup" })).EnsureSuccessStatusCode();
            }
        }
    }

    private static async Task<bool> EnabledAsync(HttpClient client) =>
        (await client.GetFromJsonAsync<JsonElement>($"api/strategies/{Strategy}")).GetProperty("enabled").GetBoolean();

    private static async Task<IReadOnlyList<JsonElement>> AccountsAsync(HttpClient client) =>
        [.. (await client.GetFromJsonAsync<JsonElement>("api/risk")).GetProperty("accounts").EnumerateArray()];
}
