using System.Text.Json.Nodes;

namespace TradingBot.Infra.Tests.Arm;

/// <summary>The template simulator evaluates what Bicep emits the way ARM does (the deployment tests rely on it).</summary>
public sealed class ArmSimulationTests
{
    private static readonly ArmDeploymentContext Context = new("sub-1", "tenant-1", "westeurope", "rg-1", "main");

    private static ArmDeploymentResult Run(string template, params (string Name, JsonNode? Value)[] parameters) =>
        ArmSimulation.Run(JsonNode.Parse(template)!.AsObject(), parameters.ToDictionary(p => p.Name, p => p.Value), Context);

    private static JsonNode? Output(string expression, string variables = "{}") =>
        Run($$"""{ "variables": {{variables}}, "resources": [], "outputs": { "x": { "type": "object", "value": "{{expression}}" } } }""").Outputs["x"]!["value"];

    [Theory]
    [InlineData("[format('{0}-{1}', 'a', 1)]", "a-1")]
    [InlineData("[format('{{literal}} {0}', 'x')]", "{literal} x")]
    [InlineData("[toLower(concat('A', 'B'))]", "ab")]
    [InlineData("[string(10)]", "10")]
    [InlineData("[split(split('https://sb.example:443/', '/')[2], ':')[0]]", "sb.example")]
    [InlineData("[if(empty(''), 'empty', 'full')]", "empty")]
    [InlineData("[coalesce(tryGet(createObject('a', 1), 'b'), 'fallback')]", "fallback")]
    [InlineData("[[not an expression]", "[not an expression]")]
    public void Evaluate_Expression_GivesArmResult(string expression, string expected) =>
        Assert.Equal(expected, Output(expression)!.GetValue<string>());

    [Fact]
    public void Evaluate_Lambdas_MapFilterReduceAndToObject()
    {
        const string variables = """{ "items": [ { "id": "a", "on": true }, { "id": "b", "on": false } ] }""";

        Assert.Equal("""["a","b"]""", Output("[map(variables('items'), lambda('i', lambdaVariables('i').id))]", variables)!.ToJsonString());
        Assert.Equal("""[{"id":"a","on":true}]""", Output("[filter(variables('items'), lambda('i', lambdaVariables('i').on))]", variables)!.ToJsonString());
        Assert.Equal("""{"a":true,"b":false}""", Output("[toObject(variables('items'), lambda('i', lambdaVariables('i').id), lambda('i', lambdaVariables('i').on))]", variables)!.ToJsonString());
        Assert.Equal("""{"a":1,"b":1}""", Output("[reduce(variables('items'), createObject(), lambda('acc', 'i', union(lambdaVariables('acc'), createObject(lambdaVariables('i').id, 1))))]", variables)!.ToJsonString());
        Assert.Equal(3, Output("[min(map(createArray(5, 3, 4), lambda('n', lambdaVariables('n'))))]")!.GetValue<long>());
    }

    [Fact]
    public void Evaluate_Union_LaterObjectWins()
    {
        var merged = Output("[union(createObject('a', '1', 'b', '1'), createObject('a', '2'))]");

        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""{"a":"2","b":"1"}"""), merged), merged!.ToJsonString());
    }

    [Fact]
    public void Run_CopyLoopAndCondition_DeployEachInstanceThatApplies()
    {
        var result = Run("""
            {
              "parameters": { "names": { "type": "array" }, "extra": { "type": "bool", "defaultValue": false } },
              "resources": [
                { "copy": { "name": "c", "count": "[length(parameters('names'))]" }, "type": "Microsoft.X/things", "apiVersion": "1",
                  "name": "[parameters('names')[copyIndex()]]", "properties": { "i": "[copyIndex()]" } },
                { "condition": "[parameters('extra')]", "type": "Microsoft.X/things", "apiVersion": "1", "name": "extra" }
              ]
            }
            """, ("names", new JsonArray("a", "b")));

        Assert.Equal(["a", "b"], result.Resources.Select(r => r.Name));
        Assert.Equal("/subscriptions/sub-1/resourceGroups/rg-1/providers/Microsoft.X/things/b", result.Resources[1].Id);
        Assert.Equal(1, result.Resources[1].Properties["i"]!.GetValue<long>());
    }

    [Fact]
    public void Run_NestedDeployment_PassesParametersAndOutputs()
    {
        var result = Run("""
            {
              "resources": [
                { "type": "Microsoft.Resources/deployments", "apiVersion": "2025-04-01", "name": "inner", "resourceGroup": "rg-2",
                  "properties": { "expressionEvaluationOptions": { "scope": "inner" }, "mode": "Incremental",
                    "parameters": { "n": { "value": "[concat('x', 'y')]" } },
                    "template": {
                      "parameters": { "n": { "type": "string" } },
                      "resources": [ { "type": "Microsoft.X/things", "apiVersion": "1", "name": "[parameters('n')]" } ],
                      "outputs": { "id": { "type": "string", "value": "[resourceId('Microsoft.X/things', parameters('n'))]" },
                                   "at": { "type": "string", "value": "[reference(resourceId('Microsoft.X/things', parameters('n')), '1').endpoint]" } } } } }
              ],
              "outputs": {
                "id": { "type": "string", "value": "[reference(extensionResourceId('/subscriptions/sub-1/resourceGroups/rg-2', 'Microsoft.Resources/deployments', 'inner'), '2025-04-01').outputs.id.value]" },
                "at": { "type": "string", "value": "[reference(extensionResourceId('/subscriptions/sub-1/resourceGroups/rg-2', 'Microsoft.Resources/deployments', 'inner'), '2025-04-01').outputs.at.value]" }
              }
            }
            """);

        Assert.Equal("/subscriptions/sub-1/resourceGroups/rg-2/providers/Microsoft.X/things/xy", result.Output("id"));
        Assert.Equal("inner", Assert.Single(result.Resources).Deployment);
        Assert.Equal("«reference(/subscriptions/sub-1/resourceGroups/rg-2/providers/Microsoft.X/things/xy).endpoint»", result.Output("at"));
    }

    [Fact]
    public void Evaluate_RuntimeValueThroughAnOpaqueFunction_StaysARuntimeValue()
    {
        var value = Output("[split(reference(resourceId('Microsoft.X/things', 'a'), '1').endpoint, '/')[2]]")!.GetValue<string>();

        Assert.Equal("«split(reference(/subscriptions/sub-1/resourceGroups/rg-1/providers/Microsoft.X/things/a).endpoint, \"/\")[2]»", value);
    }

    [Theory]
    [InlineData("""{ "p": { "type": "string", "allowedValues": [ "A", "B" ] } }""", "\"C\"", "not one of")]
    [InlineData("""{ "p": { "type": "int", "minValue": 40 } }""", "10", "outside")]
    [InlineData("""{ "p": { "type": "bool" } }""", "\"true\"", "wrong type")]
    [InlineData("""{ "p": { "type": "string", "minLength": 1 } }""", "\"\"", "length")]
    [InlineData("{}", "\"x\"", "not declared")]
    public void Run_InvalidParameter_IsRejected(string declarations, string value, string reason)
    {
        var error = Assert.Throws<ArmTemplateException>(() =>
            Run($$"""{ "parameters": {{declarations}}, "resources": [] }""", ("p", JsonNode.Parse(value))));

        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_UnknownFunction_FailsInsteadOfGuessing()
    {
        var error = Assert.Throws<ArmTemplateException>(() => Output("[pickZones('Microsoft.Compute', 'virtualMachines', 'westus')]"));

        Assert.Contains("pickZones", error.Message, StringComparison.Ordinal);
    }
}
