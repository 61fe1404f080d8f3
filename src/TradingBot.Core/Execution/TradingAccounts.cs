namespace TradingBot.Core.Execution;

/// <summary>
/// The account an order executes in: the venue id for live trading, <c>paper-&lt;venue&gt;</c> for paper trading a
/// venue (the <c>paper</c> venue itself is always paper). Positions, balances and PnL are kept per account, so paper
/// and live money never mix.
/// </summary>
public static class TradingAccounts
{
    public const string PaperVenue = "paper";

    public static string For(string venue, TradingMode mode)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(venue);
        return mode == TradingMode.Live && venue != PaperVenue
            ? venue
            : venue == PaperVenue ? PaperVenue : PaperVenue + "-" + venue;
    }

    /// <summary>Whether <paramref name="account"/> is a paper account.</summary>
    public static bool IsPaper(string account) =>
        account == PaperVenue || account.StartsWith(PaperVenue + "-", StringComparison.Ordinal);
}
