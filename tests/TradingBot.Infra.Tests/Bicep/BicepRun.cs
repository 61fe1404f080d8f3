namespace TradingBot.Infra.Tests.Bicep;

/// <summary>One Bicep CLI run: exit code and output (diagnostics go to stderr).</summary>
internal sealed record BicepRun(int ExitCode, string StandardOutput, string StandardError)
{
    public string Describe() => $"exit code {ExitCode}\n{StandardError}{StandardOutput}".TrimEnd();
}
