namespace TradingBot.Backtesting.Data;

/// <summary>A candle file that cannot be used, with the exact place: file, line (1-based) and field.</summary>
public sealed class CsvFormatException : FormatException
{
    public CsvFormatException(string file, int line, string? field, string reason)
        : base(field is null ? $"{file}:{line}: {reason}" : $"{file}:{line}: field '{field}': {reason}")
    {
        File = file;
        Line = line;
        Field = field;
        Reason = reason;
    }

    public CsvFormatException()
        : this("(unknown)", 0, null, "invalid CSV")
    {
    }

    public CsvFormatException(string message)
        : this("(unknown)", 0, null, message)
    {
    }

    public CsvFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
        File = "(unknown)";
        Reason = message;
    }

    public string File { get; } = "(unknown)";

    public int Line { get; }

    public string? Field { get; }

    public string Reason { get; } = string.Empty;
}
