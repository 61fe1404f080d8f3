using TradingBot.Testing;

namespace TradingBot.Backtesting.Tests.Reports;

public sealed class ChromiumFactAttributeTests
{
    [Fact]
    public void SkipReason_NoBrowserAtPath_SkipsNamingThePathAndTheInstallCommand()
    {
        var reason = ChromiumFactAttribute.SkipReason("/nonexistent/chromium");

        Assert.NotNull(reason);
        Assert.Contains("/nonexistent/chromium", reason, StringComparison.Ordinal);
        Assert.Contains("apt-get install -y chromium", reason, StringComparison.Ordinal);
    }

    [Fact]
    public void SkipReason_BrowserPresent_Runs()
    {
        var browser = Path.GetTempFileName();
        try
        {
            Assert.Null(ChromiumFactAttribute.SkipReason(browser));
        }
        finally
        {
            File.Delete(browser);
        }
    }
}
