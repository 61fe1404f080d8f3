namespace TradingBot.Functions.Invocation;

/// <summary>
/// One Azure Function of the app. The class name is the function name (the folder of its function.json and the
/// path the host POSTs to). A handled outcome returns a result (2xx); a transient failure throws; an invalid message
/// throws <see cref="Core.Messages.MessageFormatException"/> or <see cref="PoisonMessageException"/> (recorded, 2xx).
/// </summary>
public interface IFunction
{
    /// <summary>The name of the trigger binding in function.json.</summary>
    static abstract string Trigger { get; }

    Task<InvokeResult> RunAsync(FunctionContext context, CancellationToken ct);
}
