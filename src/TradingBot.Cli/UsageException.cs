namespace TradingBot.Cli;

/// <summary>Bad input from the user (arguments, files, values): reported plainly, exit code 2.</summary>
public sealed class UsageException : Exception
{
    public UsageException(string message)
        : base(message)
    {
    }

    public UsageException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public UsageException()
    {
    }
}
