namespace TradingBot.Core.Execution;

/// <summary>
/// Our order state machine (the <c>Orders</c> table row). <see cref="Submitting"/>: claimed, the venue call may be in
/// flight. <see cref="Unknown"/>: the venue call failed in a way that does not say whether the order exists (timeout,
/// 5xx); it is looked up by client order id before anything is resubmitted. Terminal states never change again.
/// </summary>
public enum OrderState
{
    Submitting,
    Open,
    PartiallyFilled,
    Filled,
    Canceled,
    Rejected,
    Expired,
    Unknown,
}
