using System.Text.Json;
using TradingBot.DevHost.Configuration;
using TradingBot.DevHost.ServiceBus;
using TradingBot.Testing;

namespace TradingBot.DevHost.Tests.Hosting;

/// <summary>Reading the app as the host does (§7.1): host.json, every function.json, %Setting% resolution, the topology file.</summary>
public sealed class ConfigurationTests
{
    private static string AppFolder => ConfigurationTestsPaths.AppFolder;

    private static AppSettings Settings(params (string Key, string Value)[] extra) => ConfigurationTestsPaths.Settings(extra);

    [Fact]
    public void Load_TheBuiltFunctionsApp_ReadsHostJsonAndEveryFunction_WithSettingsResolved()
    {
        var app = FunctionApp.Load(AppFolder, Settings(("IngestMarketDataSchedule", "*/5 * * * * *")));

        Assert.Equal(["ApplyRisk", "EvaluateStrategies", "ExecuteOrders", "Http", "IngestMarketData", "ReconcileOrders", "RecordFills"],
            app.Functions.Select(f => f.Name));
        Assert.Equal("", app.Host.RoutePrefix);
        Assert.True(app.Host.EnableForwardingHttpRequest);
        Assert.Equal(16, app.Host.ServiceBus.MaxConcurrentCalls);
        Assert.Equal(TimeSpan.FromMinutes(10), app.Host.FunctionTimeout);
        Assert.Equal(("TradingBot.Functions", "--urls"), (app.Host.Handler.ExecutablePath, app.Host.Handler.Arguments[0]));
        Assert.True(app.Functions.Single(f => f.Name == "Http").IsHttpInAndOut);
        Assert.Equal("*/5 * * * * *", app.Functions.Single(f => f.Name == "IngestMarketData").Trigger.Text("schedule"));
        LocalRun.Validate(app, ServiceBusTopology.Load(Path.Combine(RepositoryPaths.Root, "infra", "servicebus-topology.json")));
    }

    [Fact]
    public void Load_ADisabledFunctionSetting_SkipsTheFunction()
    {
        var app = FunctionApp.Load(AppFolder, Settings(("AzureWebJobs.ReconcileOrders.Disabled", "true")));

        Assert.DoesNotContain(app.Functions, f => f.Name == "ReconcileOrders");
        Assert.Equal(["ReconcileOrders"], app.Disabled);
    }

    [Fact]
    public void Load_AnUnresolvedSetting_IsAnErrorNamingTheFileAndTheBinding()
    {
        using var folder = new TemporaryFolder();
        File.Copy(Path.Combine(AppFolder, "host.json"), folder.File("host.json"));
        Directory.CreateDirectory(folder.File("Tick"));
        File.WriteAllText(folder.File("Tick/function.json"), """{"bindings":[{"type":"timerTrigger","direction":"in","name":"timer","schedule":"%NoSuchSchedule%"}]}""");

        var error = Assert.Throws<ConfigurationException>(() => FunctionApp.Load(folder.Path, Settings()));

        Assert.Contains("Tick", error.Message, StringComparison.Ordinal);
        Assert.Contains("bindings[0].schedule", error.Message, StringComparison.Ordinal);
        Assert.Contains("%NoSuchSchedule%", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Settings_LocalSettingsWinOverDefaultsAndTheExample_TheEnvironmentWinsOverAll_AndBothKeyFormsWork()
    {
        using var folder = new TemporaryFolder();
        folder.Write("local.settings.example.json", """{"Values":{"A__B":"example","C":"example","D":"example","E":"example"}}""");
        folder.Write("local.settings.json", """{"Values":{"C":"local","D":"local"}}""");

        var settings = AppSettings.Load(folder.File("local.settings.json"), [KeyValuePair.Create("B", "default"), KeyValuePair.Create("C", "default"), KeyValuePair.Create("E", "default")],
            new Dictionary<string, string> { ["D"] = "environment" });

        Assert.Equal(("example", "default", "local", "environment", "default"), (settings.Get("A:B"), settings.Get("B"), settings.Get("C"), settings.Get("D"), settings.Get("E")));
        Assert.Equal("x example y", settings.Resolve("x %A__B% y", "test"));
    }

    [Fact]
    public void Topology_TheRepositoryFile_LoadsEveryTopicAndSubscription()
    {
        var topology = ServiceBusTopology.Load(Path.Combine(RepositoryPaths.Root, "infra", "servicebus-topology.json"));

        Assert.Equal(["market-data", "signals", "orders", "fills"], topology.Topics.Select(t => t.Name));
        var execution = topology.Topics.Single(t => t.Name == "orders").Subscriptions.Single();
        Assert.Equal(("execution", TimeSpan.FromMinutes(2), 10, true), (execution.Name, execution.LockDuration, execution.MaxDeliveryCount, execution.DeadLetteringOnMessageExpiration));
        Assert.Equal(TimeSpan.FromMinutes(10), execution.DefaultMessageTimeToLive);
    }

    [Theory]
    [InlineData("""{"topics":[{"name":"t","subscriptions":[{"name":"s","requiresSession":true}]}]}""", "requiresSession")]
    [InlineData("""{"topics":[{"name":"t","subscriptions":[{"name":"s","rules":[]}]}]}""", "'rules'")]
    [InlineData("""{"topics":[{"name":"t","subscriptions":[{"name":"s","lockDuration":"PT10M"}]}]}""", "PT5M")]
    [InlineData("""{"topics":[{"name":"t","subscriptions":[{"name":"s","lockDuration":"1 minute"}]}]}""", "ISO-8601")]
    [InlineData("""{"topics":[{"name":"t"},{"name":"T"}]}""", "twice")]
    public void Topology_WhatTheEmulatorCannotHonour_IsRefusedWithTheField(string json, string reason)
    {
        using var document = JsonDocument.Parse(json);

        var error = Assert.Throws<ConfigurationException>(() => ServiceBusTopology.Parse(document.RootElement, "topology.json"));

        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
    }
}
