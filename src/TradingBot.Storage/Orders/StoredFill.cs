using TradingBot.Core.Exchange;
using TradingBot.Core.Execution;
using TradingBot.Core.Market;

namespace TradingBot.Storage.Orders;

/// <summary>One recorded execution with the order facts it belongs to (account, symbol, side, strategy).</summary>
public sealed record StoredFill(string OrderId, string Venue, string Account, string StrategyId, Symbol Symbol, OrderSide Side, ExecutionFill Fill);
