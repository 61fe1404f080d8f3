namespace TradingBot.Cli;

/// <summary>Process exit codes: 0 success, 1 internal error, 2 bad input.</summary>
public static class ExitCodes
{
    public const int Success = 0;
    public const int InternalError = 1;
    public const int BadInput = 2;
}
