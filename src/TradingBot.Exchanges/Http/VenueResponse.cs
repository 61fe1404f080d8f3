using System.Net;
using System.Net.Http.Headers;

namespace TradingBot.Exchanges.Http;

/// <summary>A successful venue response: status, headers and the body text.</summary>
public sealed record VenueResponse(HttpStatusCode Status, HttpResponseHeaders Headers, string Body);
