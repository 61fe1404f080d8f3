namespace TradingBot.Core.Risk.Rules;

/// <summary>An account-wide breaker reviewed on every new candle: returns the halts, resumes and peaks it causes.</summary>
public interface IAccountGuard
{
    IEnumerable<Events.RiskEvent> Review(RiskContext context);
}
