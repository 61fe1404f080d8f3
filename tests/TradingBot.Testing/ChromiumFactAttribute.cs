using Xunit;

namespace TradingBot.Testing;

/// <summary>
/// A fact that runs in headless Chromium: on a machine without <see cref="HeadlessChromium.ExecutablePath"/> it is
/// reported as <b>skipped, with the reason</b> (never a silent pass). <c>.ci/run</c> installs Chromium first.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
public sealed class ChromiumFactAttribute : FactAttribute
{
    public ChromiumFactAttribute()
    {
        if (!HeadlessChromium.IsInstalled)
        {
            Skip = $"Browser test skipped: no Chromium at {HeadlessChromium.ExecutablePath} (install it with `apt-get install -y chromium`).";
        }
    }
}
