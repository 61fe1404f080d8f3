using System.Net;
using System.Text;
using Azure.Data.Tables;
using TradingBot.DevHost.Bench;
using TradingBot.Testing;

namespace TradingBot.DevHost.Tests.EndToEnd;

/// <summary>
/// The handler as deployed: <c>dotnet publish</c> of the Functions project (Release, Native AOT, linux-x64), started by
/// the DevHost from the published app root exactly as host.json says, runs the whole pipeline and answers the API. Native
/// AOT has no reflection to fall back on, so a contract missing from the generated code fails here even where the JIT
/// build used by the other tests would have found it (~4 minutes on two cores: the publish compiles everything).
/// </summary>
public sealed class NativeHandlerEndToEndTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    [Fact]
    public async Task PublishedHandler_IsNativeAot_TradesThroughEveryStage_AndAnswersTheApi()
    {
        using var published = new TemporaryFolder();
        // A Release publish as azd and infra/package.sh do it (PublishAot is the project's default).
        var (code, stdout, stderr) = await DotnetCli.RunAsync(
            "publish", Path.Combine("src", "TradingBot.Functions", "TradingBot.Functions.csproj"), "-c", "Release", "-o", published.Path, "-nologo");
        Assert.True(code == 0, $"dotnet publish failed:{Environment.NewLine}{stdout}{stderr}");
        var executable = published.File("TradingBot.Functions");
        Assert.Equal("Native AOT", HandlerBuild.Describe(executable));
        Assert.False(File.Exists(published.File("TradingBot.Functions.dll")), "a Native AOT app root carries no managed handler assembly");

        using var devHost = new TestDevHost(azurite, published.Path);
        var tables = new TableServiceClient(azurite.ConnectionString);
        Task<int> Count(string table, Func<TableEntity, bool> which) => TestDevHost.CountAsync(tables.GetTableClient(devHost.TablePrefix + table), which);
        await using var run = devHost.NewRun();
        await run.StartAsync(CancellationToken.None);

        await devHost.WaitAsync(async () => await Count("Ledger", e => e.RowKey.StartsWith("pos|", StringComparison.Ordinal)) > 0, "a position");
        Assert.True(await Count("Signals", _ => true) > 0);
        Assert.True(await Count("Orders", e => e.GetString("State") == "Filled") > 0);

        using var client = TestDevHost.Client(run);
        foreach (var route in new[]
        {
            "api/health", "api/strategies", "api/catalog", "api/markets", "api/portfolio", "api/positions", "api/orders", "api/fills",
            "api/signals", "api/risk", "api/risk/decisions", "api/backtests", "api/poison", "api/openapi/v1.json",
        })
        {
            using var answer = await client.GetAsync(route);
            Assert.True(answer.StatusCode == HttpStatusCode.OK, $"GET {route}: {(int)answer.StatusCode} {await answer.Content.ReadAsStringAsync()}");
        }

        using var halt = await client.PostAsync("api/risk/halt", new StringContent("""{"message":"native check"}""", Encoding.UTF8, "application/json"));
        Assert.True(halt.StatusCode == HttpStatusCode.OK, $"halt: {(int)halt.StatusCode} {await halt.Content.ReadAsStringAsync()}");
        using var resume = await client.PostAsync("api/risk/resume", new StringContent("""{"message":"native check"}""", Encoding.UTF8, "application/json"));
        Assert.True(resume.StatusCode == HttpStatusCode.OK, $"resume: {(int)resume.StatusCode} {await resume.Content.ReadAsStringAsync()}");
        using var bad = await client.PostAsync("api/risk/halt", new StringContent("""{"message":5}""", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("message", await bad.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        Assert.Equal(0, await Count("Poison", _ => true));
        Assert.DoesNotContain(run.Broker.Statistics(), s => s.DeadLettered > 0);
    }
}
