using System.Reflection;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Routing;
using TradingBot.Functions.Invocation;
using TradingBot.Testing;

namespace TradingBot.Functions.Tests.Conventions;

/// <summary>
/// The function.json files, host.json, the topology file, local.settings.example.json and the handler code agree:
/// every function names a handler that exists and is mapped, every topic/subscription is in the topology, every
/// setting a binding refers to is documented.
/// </summary>
[Collection(AzuriteTests.Name)]
public sealed partial class FunctionManifestTests(AzuriteFixture azurite)
{
    private static readonly string FunctionsFolder = Path.Combine(RepositoryPaths.Root, "src", "TradingBot.Functions", "Functions");

    private static readonly string[] Names = [.. Directory.GetDirectories(FunctionsFolder).Select(d => Path.GetFileName(d)).Order(StringComparer.Ordinal)];

    public static TheoryData<string> FunctionNames() => [.. Names];

    private static JsonElement Manifest(string name) => JsonDocument.Parse(File.ReadAllText(Path.Combine(FunctionsFolder, name, "function.json"))).RootElement;

    private static JsonElement[] Bindings(string name) => [.. Manifest(name).GetProperty("bindings").EnumerateArray()];

    private static JsonElement Json(params string[] path) => JsonDocument.Parse(File.ReadAllText(Path.Combine([RepositoryPaths.Root, .. path]))).RootElement;

    private static Type? Handler(string name) => typeof(Program).Assembly.GetType($"TradingBot.Functions.Functions.{name}");

    [Fact]
    public void Functions_AreExactlyThePipeline() =>
        Assert.Equal(["ApplyRisk", "EvaluateStrategies", "ExecuteOrders", "Http", "IngestMarketData", "ReconcileOrders", "RecordFills"], Names);

    [Theory]
    [MemberData(nameof(FunctionNames))]
    public void FunctionJson_NamesAHandlerThatExistsWithTheSameBindings(string name)
    {
        var bindings = Bindings(name);
        var trigger = Assert.Single(bindings, b => b.GetProperty("direction").GetString() == "in");
        if (name == "Http")
        {
            Assert.Equal("httpTrigger", trigger.GetProperty("type").GetString());
            Assert.Equal("{*path}", trigger.GetProperty("route").GetString());
            Assert.Equal("http", Assert.Single(bindings, b => b.GetProperty("direction").GetString() == "out").GetProperty("type").GetString());
            Assert.Null(Handler(name));
            return;
        }

        var handler = Handler(name);
        Assert.NotNull(handler);
        Assert.True(typeof(IFunction).IsAssignableFrom(handler), $"{name} must implement IFunction");
        Assert.Equal(trigger.GetProperty("name").GetString(), handler.GetProperty(nameof(IFunction.Trigger), BindingFlags.Public | BindingFlags.Static)!.GetValue(null));
        var outputs = bindings.Where(b => b.GetProperty("direction").GetString() == "out").Select(b => b.GetProperty("name").GetString()).ToList();
        var declared = handler.GetField("Output", BindingFlags.Public | BindingFlags.Static)?.GetRawConstantValue() as string;
        Assert.Equal(outputs, declared is null ? [] : [declared]);
    }

    [Fact]
    public void Handlers_EveryFunctionClassHasAFunctionJson()
    {
        var handlers = typeof(Program).Assembly.GetTypes().Where(t => typeof(IFunction).IsAssignableFrom(t) && t.IsClass).Select(t => t.Name);

        Assert.All(handlers, name => Assert.True(File.Exists(Path.Combine(FunctionsFolder, name, "function.json")), $"{name} has no function.json"));
    }

    [Fact]
    public void Handlers_AreMappedAtPostFunctionName()
    {
        using var host = PipelineHost.Create(azurite);
        var routes = host.Service<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().Select(e => e.RoutePattern.RawText).ToHashSet();

        Assert.All(Names.Where(n => n != "Http"), name => Assert.Contains("/" + name, routes));
        Assert.Contains("/api/health", routes);
    }

    [Theory]
    [MemberData(nameof(FunctionNames))]
    public void FunctionJson_TopicsAndSubscriptionsExistInTheTopology(string name)
    {
        var topology = Json("infra", "servicebus-topology.json").GetProperty("topics").EnumerateArray()
            .ToDictionary(t => t.GetProperty("name").GetString()!, t => t.GetProperty("subscriptions").EnumerateArray().Select(s => s.GetProperty("name").GetString()).ToList());

        foreach (var binding in Bindings(name).Where(b => b.TryGetProperty("topicName", out _)))
        {
            var topic = binding.GetProperty("topicName").GetString()!;
            Assert.True(topology.ContainsKey(topic), $"{name}: topic '{topic}' is not in infra/servicebus-topology.json");
            if (binding.TryGetProperty("subscriptionName", out var subscription))
            {
                Assert.Contains(subscription.GetString(), topology[topic]);
            }
        }
    }

    [Theory]
    [MemberData(nameof(FunctionNames))]
    public void FunctionJson_ServiceBusTriggersUseCardinalityOneAndStringBodies(string name)
    {
        foreach (var trigger in Bindings(name).Where(b => b.GetProperty("type").GetString() == "serviceBusTrigger"))
        {
            Assert.Equal("one", trigger.GetProperty("cardinality").GetString());
            Assert.Equal("string", trigger.GetProperty("dataType").GetString());
            Assert.False(trigger.GetProperty("isSessionsEnabled").GetBoolean());
        }
    }

    [Theory]
    [MemberData(nameof(FunctionNames))]
    public void FunctionJson_EverySettingItUsesIsDocumented(string name)
    {
        var example = Json("local.settings.example.json");
        var values = example.GetProperty("Values").EnumerateObject().Select(p => p.Name).ToHashSet();
        var text = File.ReadAllText(Path.Combine(FunctionsFolder, name, "function.json"));
        var settings = SettingReference().Matches(text).Select(m => m.Groups[1].Value)
            .Concat(Bindings(name).Where(b => b.TryGetProperty("connection", out _)).Select(b => b.GetProperty("connection").GetString()!));

        Assert.All(settings, setting => Assert.True(values.Contains(setting) || values.Any(v => v.StartsWith(setting + "__", StringComparison.Ordinal)),
            $"{name} uses setting '{setting}', which local.settings.example.json does not document"));
    }

    [Fact]
    public void LocalSettingsExample_DescribesEveryValue()
    {
        var example = Json("local.settings.example.json");
        var descriptions = example.GetProperty("Descriptions");

        Assert.All(example.GetProperty("Values").EnumerateObject(), value =>
            Assert.True(descriptions.TryGetProperty(value.Name, out var text) && text.GetString()!.Length > 10, $"{value.Name} has no description"));
        Assert.All(new[] { "TableConnection", "KeyVault__Uri", "APPLICATIONINSIGHTS_CONNECTION_STRING", "Trading__Venues__binance__Mode" },
            setting => Assert.True(descriptions.TryGetProperty(setting, out _), $"{setting} must be documented"));
    }

    [Fact]
    public void HostJson_RunsTheHandlerAndForwardsTheCatchAll()
    {
        var host = Json("host.json");
        var handler = host.GetProperty("customHandler");

        Assert.Equal("TradingBot.Functions", handler.GetProperty("description").GetProperty("defaultExecutablePath").GetString());
        Assert.Equal(["--urls", "http://127.0.0.1:%FUNCTIONS_CUSTOMHANDLER_PORT%"],
            handler.GetProperty("description").GetProperty("arguments").EnumerateArray().Select(a => a.GetString()));
        Assert.True(handler.GetProperty("enableForwardingHttpRequest").GetBoolean());
        Assert.Equal("", host.GetProperty("extensions").GetProperty("http").GetProperty("routePrefix").GetString());
        Assert.Equal("[4.*, 5.0.0)", host.GetProperty("extensionBundle").GetProperty("version").GetString());
    }

    [GeneratedRegex("%([A-Za-z0-9_]+)%")]
    private static partial Regex SettingReference();
}
