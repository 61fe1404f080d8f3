using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using System.Text.RegularExpressions;
using TradingBot.DevHost.Configuration;

namespace TradingBot.DevHost.Handler;

/// <summary>
/// Runs the custom handler the way the Functions host does (functions-custom-handler.md §1.2, §7.2): a free loopback
/// port; the app settings plus <c>FUNCTIONS_CUSTOMHANDLER_PORT</c>, <c>FUNCTIONS_CUSTOMHANDLER_WORKER_ID</c>, the
/// legacy <c>FUNCTIONS_HTTPWORKER_*</c> and <c>FUNCTIONS_APP_ROOT_PATH</c> in its environment; <c>%VAR%</c> expanded in
/// the arguments (unresolved tokens dropped); readiness = any HTTP answer to <c>GET /</c>, polled every 25 ms for up to
/// 30 s; stdout lines logged as information, stderr lines as errors (warnings when they say "warn"); restarted when it
/// exits, until <see cref="RestartPolicy"/> says stop.
/// </summary>
public sealed partial class HandlerProcess : IHandlerProcess, IAsyncDisposable
{
    public static readonly TimeSpan ReadinessInterval = TimeSpan.FromMilliseconds(25);
    public static readonly TimeSpan InitializationTimeout = TimeSpan.FromSeconds(30);

    private readonly FunctionApp _app;
    private readonly AppSettings _settings;
    private readonly RestartPolicy _restarts;
    private readonly ILogger _logger;
    private readonly HttpClient _probe = new() { Timeout = TimeSpan.FromSeconds(2) };
    private readonly CancellationTokenSource _stopping = new();
    private readonly Lock _gate = new();
    private Process? _process;
    private TaskCompletionSource<Uri> _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource<string> _failed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private bool _expectedExit;
    private Task? _supervisor;

    public HandlerProcess(FunctionApp app, AppSettings settings, TimeProvider time, ILogger logger)
    {
        _app = app;
        _settings = settings;
        _restarts = new RestartPolicy(time);
        _logger = logger;
    }

    /// <summary>Completes with the handler's base address once it answers; faults when the host gave up on it.</summary>
    public Task<Uri> Ready
    {
        get
        {
            lock (_gate)
            {
                return _ready.Task;
            }
        }
    }

    /// <summary>Completes when the handler is gone for good (restart limit exceeded), with the reason.</summary>
    public Task<string> Failed => _failed.Task;

    /// <summary>How long the last start took from process start to the first answer.</summary>
    public TimeSpan? LastStartupTime { get; private set; }

    public int Starts { get; private set; }

    /// <summary>Starts the handler and keeps it running (restarts) until disposed.</summary>
    public void Start() => _supervisor = Task.Run(() => SuperviseAsync(_stopping.Token));

    /// <summary>Kills the handler (fault injection: a crash mid-run); it is restarted like after any exit, without counting as an error restart.</summary>
    public void Kill()
    {
        lock (_gate)
        {
            if (_process is { HasExited: false } process)
            {
                _expectedExit = true;
                Log.HandlerKilled(_logger, process.Id);
                process.Kill(entireProcessTree: true);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        Process? process;
        lock (_gate)
        {
            process = _process;
            _expectedExit = true;
        }

        if (process is not null)
        {
            await ProcessSignals.StopAsync(process, TimeSpan.FromSeconds(10));
        }

        if (_supervisor is not null)
        {
            try
            {
                await _supervisor;
            }
            catch (OperationCanceledException)
            {
                // Stopping.
            }
        }

        _probe.Dispose();
        _stopping.Dispose();
        process?.Dispose();
    }

    /// <summary>The arguments after <c>%VAR%</c> expansion: host environment first, then the child's; unresolved tokens are removed.</summary>
    public static IReadOnlyList<string> ExpandArguments(IEnumerable<string> arguments, IReadOnlyDictionary<string, string> childEnvironment) =>
        [.. arguments.Select(a => Token().Replace(a, m => Environment.GetEnvironmentVariable(m.Groups[1].Value)
            ?? (childEnvironment.TryGetValue(m.Groups[1].Value, out var value) ? value : "")))];

    /// <summary>The executable: relative to the app root when that file exists, else as given (looked up on PATH).</summary>
    public static string ResolveExecutable(string root, string path)
    {
        var expanded = Environment.ExpandEnvironmentVariables(path);
        var local = Path.Combine(root, expanded);
        return !Path.IsPathRooted(expanded) && File.Exists(local) ? local : expanded;
    }

    /// <summary>
    /// host.json starts the handler as <c>TradingBot.Functions</c>: deployed, a Native AOT executable; built locally, the
    /// SDK's apphost, which looks for .NET in <c>DOTNET_ROOT</c> (then in its default places): point it at the runtime
    /// running the DevHost unless the environment already does.
    /// </summary>
    public static void AddDotnetRoot(IDictionary<string, string> environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        if (!environment.ContainsKey("DOTNET_ROOT") && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("DOTNET_ROOT")))
        {
            // <root>/shared/Microsoft.NETCore.App/<version>/
            environment["DOTNET_ROOT"] = Path.GetFullPath(Path.Combine(RuntimeEnvironment.GetRuntimeDirectory(), "..", "..", ".."));
        }
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private async Task SuperviseAsync(CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            var port = FreePort();
            var started = Stopwatch.StartNew();
            Process process;
            try
            {
                process = Launch(port);
            }
            catch (Exception ex) when (ex is System.ComponentModel.Win32Exception or InvalidOperationException)
            {
                Fail($"the handler could not be started: {ex.Message}");
                return;
            }

            Starts++;
            var address = new Uri($"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}/");
            if (await WaitUntilAnswersAsync(process, address, ct))
            {
                LastStartupTime = started.Elapsed;
                Log.HandlerReady(_logger, process.Id, address, started.ElapsedMilliseconds);
                lock (_gate)
                {
                    _ready.TrySetResult(address);
                }
            }

            await process.WaitForExitAsync(CancellationToken.None);
            bool expected;
            lock (_gate)
            {
                expected = _expectedExit;
                _expectedExit = false;
                _process = null;
                if (_ready.Task.IsCompleted)
                {
                    _ready = new TaskCompletionSource<Uri>(TaskCreationOptions.RunContinuationsAsynchronously);
                }
            }

            var code = process.ExitCode;
            process.Dispose();
            if (ct.IsCancellationRequested)
            {
                return;
            }

            if (expected)
            {
                Log.HandlerRestarting(_logger, code, "killed on purpose");
                continue;
            }

            if (!_restarts.TryRestart())
            {
                Fail($"Exceeded http worker restart retry count: the handler exited (last exit code {code}) more than {RestartPolicy.MaxRestarts} times within {RestartPolicy.Window.TotalMinutes:0} minutes.");
                return;
            }

            Log.HandlerRestarting(_logger, code, "exited unexpectedly");
        }
    }

    private void Fail(string reason)
    {
        Log.HandlerGaveUp(_logger, reason);
        lock (_gate)
        {
            _ready.TrySetException(new InvalidOperationException(reason));
        }

        _failed.TrySetResult(reason);
    }

    private Process Launch(int port)
    {
        var description = _app.Host.Handler;
        var environment = _settings.ToDictionary(kv => kv.Key, kv => kv.Value, StringComparer.Ordinal);
        var portText = port.ToString(CultureInfo.InvariantCulture);
        var workerId = Guid.NewGuid().ToString();
        environment["FUNCTIONS_CUSTOMHANDLER_PORT"] = portText;
        AddDotnetRoot(environment);
        environment["FUNCTIONS_CUSTOMHANDLER_WORKER_ID"] = workerId;
        environment["FUNCTIONS_HTTPWORKER_PORT"] = portText;
        environment["FUNCTIONS_HTTPWORKER_ID"] = workerId;
        environment["FUNCTIONS_APP_ROOT_PATH"] = _app.Root;
        var arguments = ExpandArguments(description.Arguments, environment).Where(a => a.Length > 0).ToList();
        if (description.WorkerPath is { Length: > 0 } worker)
        {
            arguments.Add(worker);
        }

        var info = GuardedProcess.Create(ResolveExecutable(_app.Root, description.ExecutablePath), arguments,
            string.IsNullOrEmpty(description.WorkingDirectory) ? _app.Root : Path.Combine(_app.Root, description.WorkingDirectory));
        foreach (var (key, value) in environment)
        {
            info.Environment[key] = value;
        }

        var process = Process.Start(info) ?? throw new InvalidOperationException($"{info.FileName} did not start.");
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is { Length: > 0 } line)
            {
                Log.HandlerOutput(_logger, line);
            }
        };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not { Length: > 0 } line)
            {
                return;
            }

            if (line.Contains("warn", StringComparison.OrdinalIgnoreCase))
            {
                Log.HandlerWarning(_logger, line);
            }
            else
            {
                Log.HandlerError(_logger, line);
            }
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        lock (_gate)
        {
            _process = process;
        }

        var commandLine = string.Join(' ', arguments);
        Log.HandlerStarting(_logger, process.Id, description.ExecutablePath, commandLine, port);
        return process;
    }

    private async Task<bool> WaitUntilAnswersAsync(Process process, Uri address, CancellationToken ct)
    {
        var deadline = Stopwatch.StartNew();
        while (!ct.IsCancellationRequested && !process.HasExited && deadline.Elapsed < InitializationTimeout)
        {
            try
            {
                using var response = await _probe.GetAsync(address, ct);
                return true;
            }
            catch (HttpRequestException)
            {
                await Task.Delay(ReadinessInterval, ct).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
            catch (TaskCanceledException) when (!ct.IsCancellationRequested)
            {
                // The probe timed out: try again.
            }
        }

        if (!process.HasExited && !ct.IsCancellationRequested)
        {
            Log.HandlerNotReady(_logger, process.Id, InitializationTimeout.TotalSeconds);
            lock (_gate)
            {
                _expectedExit = false;
            }

            process.Kill(entireProcessTree: true);
        }

        return false;
    }

    [GeneratedRegex("%([^%\\s]+)%")]
    private static partial Regex Token();
}
