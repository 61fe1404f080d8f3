using TradingBot.DevHost.Configuration;
using TradingBot.DevHost.Handler;
using TradingBot.DevHost.ServiceBus;
using TradingBot.DevHost.Timers;

namespace TradingBot.DevHost.Http;

/// <summary>The parts of a running DevHost the HTTP front serves: the app, the handler, the broker, the timers, the key.</summary>
public sealed record HostComponents(FunctionApp App, IHandlerProcess Handler, FunctionInvoker Invoker, OutputWriter Outputs, ServiceBusEmulator Broker,
    IReadOnlyList<TimerListener> Timers, InvocationStatistics Statistics, ApiKey Key, TimeProvider Clock);
