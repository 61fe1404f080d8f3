namespace TradingBot.Functions.Invocation;

/// <summary>
/// Told about every finished invocation (after its answer is decided, before it is sent): live events and
/// notifications hang off it. An observer must be quick and must not throw; <see cref="FunctionInvoker"/> guards anyway.
/// </summary>
public interface IInvocationObserver
{
    /// <summary>The function handled its message; <paramref name="result"/> holds the messages it publishes.</summary>
    void Completed(FunctionContext context, InvokeResult result);

    /// <summary>The invocation failed (<paramref name="outcome"/>: transient, error or poison) for <paramref name="reason"/>.</summary>
    void Failed(FunctionContext context, string outcome, string reason);
}
