using Microsoft.Extensions.Logging.Console;

namespace TradingBot.DevHost;

/// <summary>One console log format for the DevHost and everything it relays (the handler's and Azurite's output).</summary>
public static class ConsoleLogging
{
    public static void Configure(ILoggingBuilder logging, LogLevel minimum)
    {
        ArgumentNullException.ThrowIfNull(logging);
        logging.ClearProviders();
        logging.AddSimpleConsole(o =>
        {
            o.SingleLine = true;
            o.TimestampFormat = "HH:mm:ss ";
            o.UseUtcTimestamp = true;
            o.ColorBehavior = LoggerColorBehavior.Default;
        });
        logging.SetMinimumLevel(minimum);
        logging.AddFilter("Microsoft", LogLevel.Warning);
        logging.AddFilter("System.Net.Http", LogLevel.Warning);
    }
}
