using System.Text.Json.Nodes;
using TradingBot.Infra.Tests.Bicep;
using TradingBot.Testing;

namespace TradingBot.Infra.Tests.Templates;

/// <summary>infra/main.bicep builds and lints clean with the Bicep CLI from NuGet, under the repository's strict bicepconfig.json.</summary>
public sealed class BicepCliTests
{
    [Fact]
    public void Build_MainTemplate_SucceedsWithoutAnyDiagnostic()
    {
        var build = CompiledTemplate.Build;

        Assert.True(build.ExitCode == 0 && build.StandardError.Trim().Length == 0, "bicep build infra/main.bicep:\n" + build.Describe());
    }

    [Fact]
    public void Lint_MainTemplateAndModules_ReportNoDiagnostic()
    {
        var lint = BicepCli.Run("lint", CompiledTemplate.MainBicep);

        Assert.True(lint.ExitCode == 0 && (lint.StandardError + lint.StandardOutput).Trim().Length == 0, "bicep lint infra/main.bicep:\n" + lint.Describe());
    }

    [Theory]
    [InlineData("param unused string\n", "no-unused-params")]
    [InlineData("@secure()\nparam apiSecret string = 'hunter2'\noutput used string = apiSecret\n", "secure-parameter-default")]
    [InlineData("output endpoint string = 'https://example.blob.core.windows.net/'\n", "no-hardcoded-env-urls")]
    public void Lint_FileBreakingARule_FailsNamingTheRule(string bicep, string rule)
    {
        var folder = Directory.CreateTempSubdirectory("tradingbot-lint-");
        try
        {
            File.Copy(Path.Combine(RepositoryPaths.Root, "bicepconfig.json"), Path.Combine(folder.FullName, "bicepconfig.json"));
            var file = Path.Combine(folder.FullName, "bad.bicep");
            File.WriteAllText(file, bicep);

            var lint = BicepCli.Run("lint", file);

            Assert.True(lint.ExitCode != 0, $"lint passed a file that breaks {rule}:\n{lint.Describe()}");
            Assert.Contains($"Error {rule}", lint.StandardError + lint.StandardOutput, StringComparison.Ordinal);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public void BicepConfig_EveryLinterRule_IsAnError()
    {
        var rules = JsonNode.Parse(File.ReadAllText(Path.Combine(RepositoryPaths.Root, "bicepconfig.json")))!["analyzers"]!["core"]!["rules"]!.AsObject();

        var notErrors = rules.Where(r => r.Value?["level"]?.GetValue<string>() != "error").Select(r => r.Key).ToList();

        Assert.True(notErrors.Count == 0, "rules below error: " + string.Join(", ", notErrors));
        Assert.All(
            new[]
            {
                "outputs-should-not-contain-secrets", "secure-secrets-in-params", "secure-parameter-default", "use-secure-value-for-secure-inputs",
                "secure-params-in-nested-deploy", "protect-commandtoexecute-secrets", "no-hardcoded-env-urls", "no-hardcoded-location",
                "no-unused-params", "no-unused-vars", "use-resource-symbol-reference", "what-if-short-circuiting",
            },
            rule => Assert.True(rules.ContainsKey(rule), $"bicepconfig.json does not raise {rule}"));
    }
}
