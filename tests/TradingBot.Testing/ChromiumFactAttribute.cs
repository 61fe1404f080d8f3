using Xunit;

namespace TradingBot.Testing;

/// <summary>
/// A fact that runs in headless Chromium: on a machine without <see cref="HeadlessChromium.ExecutablePath"/> it is
/// reported as <b>skipped, with the reason</b> (never a silent pass). <c>.ci/run</c> installs Chromium first.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
public sealed class ChromiumFactAttribute : FactAttribute
{
    public ChromiumFactAttribute() => Skip = SkipReason(HeadlessChromium.ExecutablePath);

    /// <summary>Why a browser test cannot run when Chromium is expected at <paramref name="executablePath"/>; null when it can.</summary>
    public static string? SkipReason(string executablePath) =>
        File.Exists(executablePath)
            ? null
            : $"Browser test skipped: no Chromium at {executablePath} (install it with `apt-get install -y chromium`).";
}
