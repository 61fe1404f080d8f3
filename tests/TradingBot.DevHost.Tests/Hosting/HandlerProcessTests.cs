using Microsoft.Extensions.Logging.Abstractions;
using TradingBot.DevHost.Configuration;
using TradingBot.DevHost.Handler;
using TradingBot.Testing;

namespace TradingBot.DevHost.Tests.Hosting;

/// <summary>The handler's lifecycle as the host runs it (§1.2): readiness, restart after a crash or a kill, and giving up after too many crashes.</summary>
public sealed class HandlerProcessTests
{
    [Fact]
    public async Task Kill_TheRealHandler_IsRestartedOnANewPort_AndAnswersAgain()
    {
        var app = FunctionApp.Load(ConfigurationTestsPaths.AppFolder, ConfigurationTestsPaths.Settings());
        var handler = new HandlerProcess(app, ConfigurationTestsPaths.Settings(), TimeProvider.System, NullLogger.Instance);
        await using (handler)
        {
            handler.Start();
            var first = await handler.Ready.WaitAsync(TimeSpan.FromMinutes(2));
            using var http = new HttpClient();
            Assert.True((await http.GetAsync(new Uri(first, "api/health"))).IsSuccessStatusCode);

            handler.Kill();
            await Waiting.UntilAsync(() => handler.Starts == 2 && handler.Ready.IsCompletedSuccessfully, "the handler was restarted", seconds: 120);

            var second = await handler.Ready;
            Assert.NotEqual(first, second);
            Assert.True((await http.GetAsync(new Uri(second, "api/health"))).IsSuccessStatusCode);
            Assert.False(handler.Failed.IsCompleted);
        }
    }

    [Fact]
    public async Task Crash_MoreThanThreeTimes_StopsTheHostWithTheHostsMessage()
    {
        using var folder = new TemporaryFolder();
        folder.Write("host.json", """{"version":"2.0","customHandler":{"description":{"defaultExecutablePath":"/bin/sh","arguments":["-c","exit 3"]}}}""");
        Directory.CreateDirectory(folder.File("Tick"));
        folder.Write("Tick/function.json", """{"bindings":[{"type":"timerTrigger","direction":"in","name":"timer","schedule":"0 0 * * * *"}]}""");
        var settings = new AppSettings([]);
        var handler = new HandlerProcess(FunctionApp.Load(folder.Path, settings), settings, TimeProvider.System, NullLogger.Instance);
        await using (handler)
        {
            handler.Start();
            var reason = await handler.Failed.WaitAsync(TimeSpan.FromMinutes(1));

            Assert.StartsWith("Exceeded http worker restart retry count", reason, StringComparison.Ordinal);
            Assert.Equal(4, handler.Starts);
            await Assert.ThrowsAsync<InvalidOperationException>(() => handler.Ready);
        }
    }
}
