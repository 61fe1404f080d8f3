using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using TradingBot.Infra.Tests.Arm;
using TradingBot.Infra.Tests.Bicep;
using TradingBot.Testing;

namespace TradingBot.Infra.Tests.Deployment;

/// <summary>
/// What `azd provision` hands to ARM: infra/main.parameters.json with <c>${NAME}</c> and <c>${NAME=default}</c>
/// replaced from the azd environment, string values converted to the template's bool/int parameter types. Then the
/// compiled template is deployed on paper (<see cref="ArmSimulation"/>).
/// </summary>
internal static partial class AzdEnvironment
{
    public const string SubscriptionId = "00000000-0000-0000-0000-00000000a2d1";
    public const string TenantId = "00000000-0000-0000-0000-0000000000e1";
    public const string PrincipalId = "00000000-0000-0000-0000-00000000b0b1";

    /// <summary>A fresh environment as `azd up` creates it (name, location, the signed-in principal) plus <paramref name="settings"/>.</summary>
    public static Dictionary<string, string> With(params (string Name, string Value)[] settings)
    {
        var environment = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["AZURE_ENV_NAME"] = "bot-test",
            ["AZURE_LOCATION"] = "eastus2",
            ["AZURE_PRINCIPAL_ID"] = PrincipalId,
        };
        foreach (var (name, value) in settings)
        {
            environment[name] = value;
        }

        return environment;
    }

    public static string ParametersFile => Path.Combine(RepositoryPaths.Root, "infra", "main.parameters.json");

    /// <summary>The parameter values main.parameters.json gives in <paramref name="environment"/>.</summary>
    public static Dictionary<string, JsonNode?> Parameters(IReadOnlyDictionary<string, string> environment)
    {
        var substituted = Variable.Replace(File.ReadAllText(ParametersFile), m =>
            environment.TryGetValue(m.Groups["name"].Value, out var value) ? value
            : m.Groups["default"].Success ? m.Groups["default"].Value
            : "");
        var declared = CompiledTemplate.Json["parameters"]!.AsObject();
        var parameters = new Dictionary<string, JsonNode?>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, parameter) in JsonNode.Parse(substituted)!["parameters"]!.AsObject())
        {
            var value = parameter!["value"];
            var type = declared[name]?["type"]?.GetValue<string>();
            parameters[name] = value is JsonValue v && v.TryGetValue<string>(out var text) ? type switch
            {
                "bool" => bool.TryParse(text, out var b) ? JsonValue.Create(b) : value.DeepClone(),
                "int" => long.TryParse(text, out var n) ? JsonValue.Create(n) : value.DeepClone(),
                _ => value.DeepClone(),
            } : value?.DeepClone();
        }

        return parameters;
    }

    /// <summary>Deploys the compiled main.bicep on paper with the parameters <paramref name="environment"/> gives.</summary>
    public static ArmDeploymentResult Deploy(IReadOnlyDictionary<string, string> environment) =>
        ArmSimulation.Run(CompiledTemplate.Json, Parameters(environment),
            new ArmDeploymentContext(SubscriptionId, TenantId, environment["AZURE_LOCATION"], null, "main"));

    /// <summary><c>${NAME}</c> or <c>${NAME=default}</c> in the parameters file.</summary>
    public static Regex Variable => VariablePattern();

    [GeneratedRegex(@"\$\{(?<name>[A-Za-z_][A-Za-z0-9_]*)(=(?<default>[^}]*))?\}")]
    private static partial Regex VariablePattern();
}
