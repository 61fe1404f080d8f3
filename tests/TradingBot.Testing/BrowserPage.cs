using System.Collections.Concurrent;
using Microsoft.Playwright;

namespace TradingBot.Testing;

/// <summary>
/// One page in Debian's Chromium (<see cref="HeadlessChromium.ExecutablePath"/>), headless and driven by Playwright, for
/// tests marked <c>[ChromiumFact]</c>. Everything that goes wrong in the page is recorded in <see cref="Errors"/>:
/// console errors, uncaught exceptions and every response with status 400 or above. Host names resolve to nothing
/// except localhost, so the page under test can reach no server but the local one. Screenshots go to
/// <c>artifacts/dashboard/</c>. The test project references Microsoft.Playwright itself (its driver is copied there).
/// </summary>
public sealed class BrowserPage : IAsyncDisposable
{
    public static readonly string Screenshots = Path.Combine(RepositoryPaths.Root, "artifacts", "dashboard");

    private static readonly string[] Flags =
    [
        "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--no-first-run", "--disable-quic", "--disable-extensions", "--disable-default-apps", "--no-pings",
        "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1",
    ];

    private readonly IPlaywright _playwright;
    private readonly IBrowser _browser;
    private readonly ConcurrentQueue<string> _errors = new();

    private BrowserPage(IPlaywright playwright, IBrowser browser, IPage page)
    {
        _playwright = playwright;
        _browser = browser;
        Page = page;
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                _errors.Enqueue($"console: {message.Text}");
            }
        };
        page.PageError += (_, error) => _errors.Enqueue($"page error: {error}");
        page.Response += (_, response) =>
        {
            if (response.Status >= 400)
            {
                _errors.Enqueue($"HTTP {response.Status} {response.Request.Method} {response.Url}");
            }
        };
    }

    public IPage Page { get; }

    /// <summary>What went wrong in the page so far, in order.</summary>
    public IReadOnlyList<string> Errors => [.. _errors];

    /// <summary>The errors for a failure message (empty when there were none).</summary>
    public string ErrorReport => _errors.IsEmpty ? "" : "browser errors:" + Environment.NewLine + string.Join(Environment.NewLine, _errors);

    /// <summary>
    /// Starts a fresh browser (own profile: no cookies, no storage) with one page of <paramref name="width"/> x
    /// <paramref name="height"/> and runs <paramref name="open"/> on it (navigate, sign in, wait until loaded); when
    /// that fails, the browser is closed before the exception goes on.
    /// </summary>
    public static async Task<BrowserPage> OpenAsync(int width, int height, Func<IPage, Task> open)
    {
        ArgumentNullException.ThrowIfNull(open);
        var playwright = await Playwright.CreateAsync();
        BrowserPage? opened = null;
        try
        {
            var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = HeadlessChromium.ExecutablePath,
                Headless = true,
                Args = Flags,
            });
            var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = width, Height = height } });
            opened = new BrowserPage(playwright, browser, page);
            await open(page);
            return opened;
        }
        catch
        {
            if (opened is not null)
            {
                await opened.DisposeAsync();
            }
            else
            {
                playwright.Dispose();
            }

            throw;
        }
    }

    /// <summary>Returns the errors recorded so far and forgets them (for a step that expects some, such as a refused key).</summary>
    public IReadOnlyList<string> TakeErrors()
    {
        var taken = new List<string>();
        while (_errors.TryDequeue(out var error))
        {
            taken.Add(error);
        }

        return taken;
    }

    /// <summary>A full-page PNG at <c>artifacts/dashboard/<paramref name="name"/>.png</c>.</summary>
    public async Task ScreenshotAsync(string name)
    {
        Directory.CreateDirectory(Screenshots);
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Screenshots, name + ".png"), FullPage = true });
    }

    public async ValueTask DisposeAsync()
    {
        await _browser.DisposeAsync();
        _playwright.Dispose();
    }
}
