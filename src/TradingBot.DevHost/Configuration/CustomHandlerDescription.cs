namespace TradingBot.DevHost.Configuration;

/// <summary>host.json <c>customHandler.description</c>: how to start the handler process (functions-custom-handler.md §1.1).</summary>
public sealed record CustomHandlerDescription(string ExecutablePath, IReadOnlyList<string> Arguments, string? WorkingDirectory, string? WorkerPath);
