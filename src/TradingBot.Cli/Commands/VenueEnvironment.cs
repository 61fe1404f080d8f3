using Microsoft.Extensions.Configuration;

namespace TradingBot.Cli.Commands;

/// <summary>
/// Where <c>tradingbot venue</c> gets its settings and clock: standard .NET configuration (user secrets of this CLI,
/// then environment variables such as <c>Venues__Binance__ApiKey</c>) and the system clock; tests pass their own.
/// </summary>
internal sealed record VenueEnvironment(IConfiguration Configuration, TimeProvider Time)
{
    public static VenueEnvironment FromProcess() => new(
        new ConfigurationBuilder().AddUserSecrets(typeof(VenueEnvironment).Assembly, optional: true).AddEnvironmentVariables().Build(),
        TimeProvider.System);
}
