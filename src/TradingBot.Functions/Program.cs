using TradingBot.Functions.Hosting;

// The Functions host starts this with --urls http://127.0.0.1:%FUNCTIONS_CUSTOMHANDLER_PORT% (host.json) and polls
// GET / until anything answers: keep startup free of network calls. Configuration comes from app settings
// (environment variables); the app root has no appsettings files, so nothing watches it for changes to them (cold
// start, docs/performance.md).
var builder = WebApplication.CreateSlimBuilder(TradingBotHosting.HostArguments(args));
builder.AddTradingBot();

var app = builder.Build();
app.MapTradingBot();
app.Run();

/// <summary>The custom handler's entry point (public for WebApplicationFactory-based tests).</summary>
public partial class Program;
