using System.Text.Json.Nodes;
using TradingBot.Testing;

namespace TradingBot.Infra.Tests.Bicep;

/// <summary>infra/main.bicep compiled once per test run with the Bicep CLI (<c>bicep build</c>).</summary>
internal static class CompiledTemplate
{
    private static readonly Lazy<Compilation> Compiled = new(Compile);

    public static string MainBicep => Path.Combine(RepositoryPaths.Root, "infra", "main.bicep");

    /// <summary>The build run (exit code and diagnostics).</summary>
    public static BicepRun Build => Compiled.Value.Run;

    /// <summary>The ARM JSON; fails with the build's output if the build failed.</summary>
    public static JsonObject Json => Compiled.Value.Json?.DeepClone().AsObject()
        ?? throw new InvalidOperationException("bicep build failed:\n" + Compiled.Value.Run.Describe());

    /// <summary>The ARM JSON exactly as written.</summary>
    public static string Text => Compiled.Value.Text ?? throw new InvalidOperationException("bicep build failed:\n" + Compiled.Value.Run.Describe());

    private static Compilation Compile()
    {
        var output = Path.Combine(Path.GetTempPath(), $"tradingbot-main-{Guid.NewGuid():N}.json");
        try
        {
            var run = BicepCli.Run("build", MainBicep, "--outfile", output);
            var text = run.ExitCode == 0 && File.Exists(output) ? File.ReadAllText(output) : null;
            return new Compilation(run, text, text is null ? null : JsonNode.Parse(text)!.AsObject());
        }
        finally
        {
            File.Delete(output);
        }
    }

    private sealed record Compilation(BicepRun Run, string? Text, JsonObject? Json);
}
