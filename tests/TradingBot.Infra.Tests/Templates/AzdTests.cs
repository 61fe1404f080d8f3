using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using TradingBot.Infra.Tests.App;
using TradingBot.Infra.Tests.Bicep;
using TradingBot.Infra.Tests.Deployment;
using TradingBot.Testing;

namespace TradingBot.Infra.Tests.Templates;

/// <summary>`azd up` has what it needs: one function service, parameters from the azd environment, predictable names.</summary>
public sealed partial class AzdTests
{
    private static readonly string[] AzdProvided = ["AZURE_ENV_NAME", "AZURE_LOCATION", "AZURE_PRINCIPAL_ID"];

    [Fact]
    public void AzureYaml_DeclaresOneFunctionServiceForTheFunctionsProject()
    {
        var yaml = File.ReadAllLines(Path.Combine(RepositoryPaths.Root, "azure.yaml"));
        var services = yaml.SkipWhile(l => l.TrimEnd() != "services:").Skip(1).TakeWhile(l => l.Length == 0 || l.StartsWith(' ')).ToList();
        var names = services.Where(l => ServiceName().IsMatch(l)).Select(l => l.Trim().TrimEnd(':')).ToList();
        string Value(string key) => services.Select(l => l.Trim()).Single(l => l.StartsWith(key + ":", StringComparison.Ordinal))[(key.Length + 1)..].Trim();

        var name = Assert.Single(names);
        Assert.Equal("function", Value("host"));
        Assert.Equal("dotnet", Value("language"));
        Assert.Equal(Path.GetFullPath(FunctionApp.ProjectDirectory), Path.GetFullPath(Path.Combine(RepositoryPaths.Root, Value("project"))));
        Assert.Equal(name, Deployed.Default.FunctionApp().Body["tags"]!["azd-service-name"].Text());
    }

    [Fact]
    public void ParametersFile_NeedsOnlyWhatAzdProvides()
    {
        var text = File.ReadAllText(AzdEnvironment.ParametersFile);
        var required = AzdEnvironment.Variable.Matches(text).Where(m => !m.Groups["default"].Success).Select(m => m.Groups["name"].Value).ToHashSet();
        var declared = CompiledTemplate.Json["parameters"]!.AsObject();
        var given = JsonNode.Parse(text)!["parameters"]!.AsObject();

        Assert.Equal(AzdProvided.Order(), required.Order());
        Assert.All(given, p => Assert.True(declared.ContainsKey(p.Key), $"{p.Key} is not a parameter of main.bicep"));
        Assert.All(declared.Where(d => d.Value!["defaultValue"] is null), d => Assert.True(given.ContainsKey(d.Key), $"{d.Key} needs a value"));
    }

    [Fact]
    public void ParametersFile_Defaults_AreTheTemplateDefaults()
    {
        var declared = CompiledTemplate.Json["parameters"]!.AsObject();
        var given = JsonNode.Parse(File.ReadAllText(AzdEnvironment.ParametersFile))!["parameters"]!.AsObject();
        var defaulted = given.Where(p => AzdEnvironment.Variable.Match(p.Value!["value"].Text()).Groups["default"].Success).Select(p => p.Key).ToHashSet();

        Assert.NotEmpty(defaulted);
        foreach (var (name, value) in AzdEnvironment.Parameters(AzdEnvironment.With()).Where(p => defaulted.Contains(p.Key)))
        {
            Assert.True(JsonNode.DeepEquals(declared[name]!["defaultValue"], value), $"{name}: the file defaults to {value}, the template to {declared[name]!["defaultValue"]}");
        }
    }

    [Fact]
    public void Outputs_NeverOverwriteAParameterVariable()
    {
        // azd stores every output in the environment under its name: an output named like a parameter variable would
        // feed its value into that parameter on the next `azd provision`.
        var variables = AzdEnvironment.Variable.Matches(File.ReadAllText(AzdEnvironment.ParametersFile)).Select(m => m.Groups["name"].Value).ToHashSet();
        var outputs = CompiledTemplate.Json["outputs"]!.AsObject().Select(o => o.Key).ToList();

        Assert.Contains("AZURE_LOCATION", outputs);
        Assert.All(outputs.Where(o => o != "AZURE_LOCATION"), o => Assert.DoesNotContain(o, variables));
    }

    [Fact]
    public void Deploy_ResourceNames_ComeFromAbbreviationsAndTheResourceToken()
    {
        var abbreviations = JsonNode.Parse(File.ReadAllText(Path.Combine(RepositoryPaths.Root, "infra", "abbreviations.json")))!.AsObject()
            .Select(a => a.Value.Text()).ToList();
        var topLevel = AzdEnvironment.Deploy(AzdEnvironment.With(("STATIC_OUTBOUND_IP_ENABLED", "true"))).Resources
            .Where(r => !r.Name.Contains('/', StringComparison.Ordinal) && !r.Is("Microsoft.Authorization/roleAssignments")).ToList();

        Assert.All(topLevel, r => Assert.True(abbreviations.Any(a => r.Name.StartsWith(a, StringComparison.Ordinal)), $"{r}: no abbreviation prefix"));
        Assert.All(topLevel.Where(r => r.Is("Microsoft.Storage/storageAccounts")), r => Assert.Matches("^[a-z0-9]{3,24}$", r.Name));
        Assert.True(Deployed.Default.Vault().Name.Length <= 24, "Key Vault names are at most 24 characters");
    }

    [Fact]
    public void Deploy_TwoEnvironments_GetDistinctGloballyUniqueNames()
    {
        var first = Deployed.Default;
        var second = AzdEnvironment.Deploy(AzdEnvironment.With(("AZURE_ENV_NAME", "bot-prod")));

        Assert.NotEqual(first.HostStorage().Name, second.HostStorage().Name);
        Assert.NotEqual(first.Vault().Name, second.Vault().Name);
        Assert.NotEqual(first.FunctionApp().Name, second.FunctionApp().Name);
    }

    [Fact]
    public void Deploy_TopLevelResources_AreTaggedWithTheEnvironment()
    {
        var tagged = Deployed.Default.Resources.Where(r => !r.Name.Contains('/', StringComparison.Ordinal) && !r.Is("Microsoft.Authorization/roleAssignments"));

        Assert.All(tagged, r => Assert.Equal("bot-test", r.Body["tags"]?["azd-env-name"]?.GetValue<string>()));
    }

    [Fact]
    public void Deploy_Outputs_GiveAzdTheAppAndTheVault()
    {
        var deployment = Deployed.Default;

        Assert.Equal(deployment.FunctionApp().Name, deployment.Output("AZURE_FUNCTION_APP_NAME"));
        Assert.Equal(deployment.Vault().Name, deployment.Output("AZURE_KEY_VAULT_NAME"));
        Assert.True(deployment.Output("AZURE_KEY_VAULT_ENDPOINT").IsPropertyOf(deployment.Vault(), ".vaultUri"));
        Assert.Equal("rg-bot-test", deployment.Output("AZURE_RESOURCE_GROUP"));
    }

    [GeneratedRegex(@"^  [A-Za-z0-9_-]+:\s*$")]
    private static partial Regex ServiceName();
}
