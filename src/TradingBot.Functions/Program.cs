using TradingBot.Functions.Hosting;

// The Functions host starts this with --urls http://127.0.0.1:%FUNCTIONS_CUSTOMHANDLER_PORT% (host.json) and polls
// GET / until anything answers: keep startup free of network calls.
var builder = WebApplication.CreateSlimBuilder(args);
builder.AddTradingBot();

var app = builder.Build();
app.MapTradingBot();
app.Run();

/// <summary>The custom handler's entry point (public for WebApplicationFactory-based tests).</summary>
public partial class Program;
