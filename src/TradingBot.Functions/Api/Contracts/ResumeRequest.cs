namespace TradingBot.Functions.Api.Contracts;

/// <summary>
/// End a halt (<c>POST /api/risk/resume</c>): <see cref="Reason"/> <c>kill-switch</c> (default), <c>daily-loss-limit</c>
/// or <c>max-drawdown</c>, for <see cref="Account"/> or every account halted for that reason when null.
/// </summary>
public sealed record ResumeRequest(string Message)
{
    public string? Account { get; init; }

    public string? Reason { get; init; }
}
