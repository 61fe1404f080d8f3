namespace TradingBot.DevHost.Tests.Hosting;

/// <summary>
/// Waits for a condition that background work makes true (bounded, so a broken build fails instead of hanging).
/// Not a timed assertion: the bound is generous and only says "it never happened".
/// </summary>
internal static class Waiting
{
    public static async Task UntilAsync(Func<bool> condition, string what, int seconds = 60)
    {
        var watch = System.Diagnostics.Stopwatch.StartNew();
        while (!condition())
        {
            if (watch.Elapsed > TimeSpan.FromSeconds(seconds))
            {
                throw new TimeoutException($"Never happened within {seconds} s: {what}");
            }

            await Task.Delay(20);
        }
    }

    public static async Task UntilAsync(Func<Task<bool>> condition, string what, int seconds = 60)
    {
        var watch = System.Diagnostics.Stopwatch.StartNew();
        while (!await condition())
        {
            if (watch.Elapsed > TimeSpan.FromSeconds(seconds))
            {
                throw new TimeoutException($"Never happened within {seconds} s: {what}");
            }

            await Task.Delay(100);
        }
    }
}
