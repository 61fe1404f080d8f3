namespace TradingBot.Cli.Output;

/// <summary>Creates an output file (and its folder), turning I/O problems into a clear usage error.</summary>
internal static class OutputFile
{
    public static FileStream Create(string path, string option)
    {
        try
        {
            var folder = Path.GetDirectoryName(Path.GetFullPath(path));
            if (!string.IsNullOrEmpty(folder))
            {
                Directory.CreateDirectory(folder);
            }

            return new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new UsageException($"{option}: cannot write '{path}': {ex.Message}", ex);
        }
    }
}
