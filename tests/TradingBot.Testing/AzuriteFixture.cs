using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using Xunit;

namespace TradingBot.Testing;

/// <summary>
/// Real Azurite (Table service) for storage tests: started from the repository's npm package
/// (<c>node_modules/.bin/azurite-table</c>, restored by the build) on a free loopback port with
/// <c>--inMemoryPersistence --disableTelemetry</c>, stopped when the fixture is disposed. Share it with
/// <c>ICollectionFixture&lt;AzuriteFixture&gt;</c>; give each test its own <see cref="NewTablePrefix"/> so tests stay independent.
/// </summary>
public sealed class AzuriteFixture : IAsyncLifetime
{
    /// <summary>The well-known development storage account key (public, Azurite's default).</summary>
    public const string AccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private static int _prefixes;
    private Process? _process;

    public int Port { get; private set; }

    public string ConnectionString =>
        $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={AccountKey};TableEndpoint=http://127.0.0.1:{Port}/devstoreaccount1;";

    /// <summary>A table-name prefix no other test uses (letters and digits).</summary>
    public static string NewTablePrefix() =>
        $"t{Environment.ProcessId % 100_000}x{Interlocked.Increment(ref _prefixes)}{Guid.NewGuid():N}"[..20];

    public async Task InitializeAsync()
    {
        var script = Path.Combine(RepositoryPaths.Root, "node_modules", ".bin", "azurite-table");
        if (!File.Exists(script))
        {
            throw new InvalidOperationException(
                $"Azurite is not installed at {script}. Build the tests (dotnet build) — build/Npm.targets restores the npm packages.");
        }

        Exception? last = null;
        for (var attempt = 0; attempt < 3; attempt++)
        {
            Port = FreePort();
            _process = Start(script, Port);
            try
            {
                await WaitUntilListeningAsync(_process, Port);
                return;
            }
            catch (InvalidOperationException ex)
            {
                last = ex;
                Stop();
            }
        }

        throw new InvalidOperationException("Azurite did not start.", last);
    }

    public Task DisposeAsync()
    {
        Stop();
        return Task.CompletedTask;
    }

    /// <summary>
    /// Starts Azurite under a small shell guard that stops it when this test process disappears (a crashed or killed
    /// test host never leaves an orphaned Azurite behind); <see cref="Stop"/> ends the guard and Azurite together.
    /// </summary>
    private static Process Start(string script, int port)
    {
        var azurite = string.Join(' ', new[] { Quote(script), "--tableHost", "127.0.0.1", "--tablePort", port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--inMemoryPersistence", "--disableTelemetry", "--silent" });
        var guard = $"{azurite} & child=$!; trap 'kill $child 2>/dev/null' EXIT TERM INT; " +
            $"while kill -0 {Environment.ProcessId} 2>/dev/null && kill -0 $child 2>/dev/null; do sleep 1; done";
        var info = new ProcessStartInfo("/bin/sh")
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetTempPath(),
        };
        info.ArgumentList.Add("-c");
        info.ArgumentList.Add(guard);
        var process = Process.Start(info) ?? throw new InvalidOperationException($"Could not start {script}.");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private static string Quote(string path) => "'" + path.Replace("'", "'\\''", StringComparison.Ordinal) + "'";

    private static async Task WaitUntilListeningAsync(Process process, int port)
    {
        for (var i = 0; i < 600; i++)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"Azurite exited with code {process.ExitCode} before listening on port {port}.");
            }

            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, port);
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(50);
            }
        }

        throw new InvalidOperationException($"Azurite did not listen on port {port} within 30 seconds.");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private void Stop()
    {
        if (_process is null)
        {
            return;
        }

        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                _process.WaitForExit(10_000);
            }
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }

        _process.Dispose();
        _process = null;
    }
}
