namespace TradingBot.DevHost.Handler;

/// <summary>
/// The host's worker restart rule (functions-custom-handler.md §1.2): a handler that exits is restarted, but more than
/// <see cref="MaxRestarts"/> error restarts within <see cref="Window"/> stop the host ("Exceeded http worker restart
/// retry count").
/// </summary>
public sealed class RestartPolicy(TimeProvider time)
{
    public const int MaxRestarts = 3;

    public static readonly TimeSpan Window = TimeSpan.FromMinutes(30);

    private readonly Queue<DateTimeOffset> _errors = new();

    /// <summary>Records an error exit; false when it is one too many (the host must stop).</summary>
    public bool TryRestart()
    {
        var now = time.GetUtcNow();
        lock (_errors)
        {
            while (_errors.Count > 0 && now - _errors.Peek() >= Window)
            {
                _errors.Dequeue();
            }

            _errors.Enqueue(now);
            return _errors.Count <= MaxRestarts;
        }
    }
}
