namespace TradingBot.Cli.Tests;

/// <summary>The exit code and console output of one in-process CLI run.</summary>
internal sealed record CliResult(int ExitCode, string Output);
