namespace TradingBot.Core.Exchange;

/// <summary>A CCXT <c>has</c> value: supported natively, emulated by the adapter, or not at all.</summary>
public enum Capability
{
    No,
    Yes,
    Emulated,
}
