namespace TradingBot.Cli.Tests;

/// <summary>A file in a fresh temporary folder, deleted with the folder on dispose.</summary>
internal sealed class TempFile : IDisposable
{
    private readonly string _folder = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "tradingbot-tests-" + Guid.NewGuid().ToString("N"));

    public TempFile(string name, string? content = null)
    {
        Directory.CreateDirectory(_folder);
        Path = System.IO.Path.Combine(_folder, name);
        if (content is not null)
        {
            File.WriteAllText(Path, content);
        }
    }

    public string Path { get; }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
