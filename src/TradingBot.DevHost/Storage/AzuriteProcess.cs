using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using TradingBot.DevHost.Handler;

namespace TradingBot.DevHost.Storage;

/// <summary>
/// Azurite (blob, queue and table) from the repository's npm package (<c>node_modules/.bin/azurite</c>, restored by
/// build/Npm.targets), on 127.0.0.1 at free ports (or <c>basePort</c>, +1, +2). Its data persists in
/// <paramref name="location"/>; with no location it runs in memory (stack-notes.md §1: never both). Stopped with
/// SIGTERM so it writes its data before exiting.
/// </summary>
public sealed class AzuriteProcess : IAsyncDisposable
{
    /// <summary>The well-known development storage account key (public; Azurite's default account).</summary>
    public const string AccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private readonly Process _process;

    private AzuriteProcess(Process process, int blobPort, int queuePort, int tablePort)
    {
        _process = process;
        BlobPort = blobPort;
        QueuePort = queuePort;
        TablePort = tablePort;
    }

    public int BlobPort { get; }

    public int QueuePort { get; }

    public int TablePort { get; }

    public string ConnectionString =>
        "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=" + AccountKey +
        $";BlobEndpoint=http://127.0.0.1:{BlobPort}/devstoreaccount1;QueueEndpoint=http://127.0.0.1:{QueuePort}/devstoreaccount1;" +
        $"TableEndpoint=http://127.0.0.1:{TablePort}/devstoreaccount1;";

    public static async Task<AzuriteProcess> StartAsync(string repositoryRoot, string? location, int? basePort, ILogger logger, CancellationToken ct)
    {
        var script = Path.Combine(repositoryRoot, "node_modules", ".bin", "azurite");
        if (!File.Exists(script))
        {
            throw new InvalidOperationException(
                $"Azurite is not installed at {script}. Build the DevHost (dotnet build src/TradingBot.DevHost): build/Npm.targets restores it from npm (needs Node.js 20+).");
        }

        Exception? last = null;
        for (var attempt = 0; attempt < (basePort is null ? 3 : 1); attempt++)
        {
            var ports = basePort is { } b ? new[] { b, b + 1, b + 2 } : new[] { FreePort(), FreePort(), FreePort() };
            var arguments = new List<string>
            {
                "--blobHost", "127.0.0.1", "--blobPort", Text(ports[0]),
                "--queueHost", "127.0.0.1", "--queuePort", Text(ports[1]),
                "--tableHost", "127.0.0.1", "--tablePort", Text(ports[2]),
                "--disableTelemetry", "--silent",
            };
            if (location is null)
            {
                arguments.AddRange(["--inMemoryPersistence", "--extentMemoryLimit", "256"]);
            }
            else
            {
                Directory.CreateDirectory(location);
                arguments.AddRange(["--location", location]);
            }

            var process = Process.Start(GuardedProcess.Create(script, arguments, location ?? Path.GetTempPath()))
                ?? throw new InvalidOperationException($"Could not start {script}.");
            process.OutputDataReceived += (_, e) => Forward(logger, e.Data);
            process.ErrorDataReceived += (_, e) => Forward(logger, e.Data);
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            var azurite = new AzuriteProcess(process, ports[0], ports[1], ports[2]);
            try
            {
                foreach (var port in ports)
                {
                    await WaitUntilListeningAsync(process, port, ct);
                }

                Log.AzuriteStarted(logger, location is null ? "in memory" : "persistent", ports[0], ports[1], ports[2],
                    location is null ? "" : $", data in {location}");
                return azurite;
            }
            catch (InvalidOperationException ex)
            {
                last = ex;
                await azurite.DisposeAsync();
            }
        }

        throw new InvalidOperationException($"Azurite did not start: {last?.Message}", last);
    }

    public async ValueTask DisposeAsync()
    {
        await ProcessSignals.StopAsync(_process, TimeSpan.FromSeconds(15));
        _process.Dispose();
    }

    private static void Forward(ILogger logger, string? line)
    {
        // EBADENGINE-style npm noise and Azurite's banner are not errors; everything it prints is informational.
        if (!string.IsNullOrWhiteSpace(line))
        {
            Log.AzuriteOutput(logger, line);
        }
    }

    private static async Task WaitUntilListeningAsync(Process process, int port, CancellationToken ct)
    {
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromSeconds(60))
        {
            ct.ThrowIfCancellationRequested();
            if (process.HasExited)
            {
                throw new InvalidOperationException($"Azurite exited with code {process.ExitCode} before listening on port {port} (port in use?).");
            }

            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, port, ct);
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(50, ct);
            }
        }

        throw new InvalidOperationException($"Azurite did not listen on port {port} within 60 seconds.");
    }

    private static int FreePort() => HandlerProcess.FreePort();

    private static string Text(int port) => port.ToString(CultureInfo.InvariantCulture);
}
