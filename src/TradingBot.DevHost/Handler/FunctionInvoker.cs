using System.Net.Http.Headers;
using System.Text;
using TradingBot.DevHost.Faults;
using TradingBot.DevHost.Protocol;

namespace TradingBot.DevHost.Handler;

/// <summary>
/// Sends one invocation to the handler as the host does (§1.3, §7.3): <c>POST /{FunctionName}</c> with
/// <c>X-Azure-Functions-InvocationId</c>, <c>X-Azure-Functions-HostVersion</c>, <c>User-Agent: Azure-Functions-Host/…</c>
/// and the JSON payload; waits for the handler to be ready first; the invocation fails on a non-2xx or unreadable
/// reply, when the handler cannot be reached, or after <c>functionTimeout</c>. The reply's <c>Logs</c> are logged
/// against the invocation.
/// </summary>
public sealed class FunctionInvoker(Func<CancellationToken, Task<Uri>> ready, HttpClient http, TimeSpan? functionTimeout, FaultInjector faults,
    ILogger logger)
{
    public const string HostVersion = "4.1037.0";

    public async Task<InvocationReply> InvokeAsync(string function, string payload, CancellationToken ct)
    {
        Uri address;
        try
        {
            address = await ready(ct);
        }
        catch (InvalidOperationException ex)
        {
            throw new InvocationFailedException($"the handler is not running: {ex.Message}", ex);
        }

        if (faults.Options.Delay > TimeSpan.Zero)
        {
            await Task.Delay(faults.Options.Delay, ct);
        }

        var invocationId = Guid.NewGuid().ToString();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        if (functionTimeout is { } limit)
        {
            timeout.CancelAfter(limit);
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(address, function))
        {
            Content = new StringContent(payload, Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("X-Azure-Functions-InvocationId", invocationId);
        request.Headers.Add("X-Azure-Functions-HostVersion", HostVersion);
        request.Headers.UserAgent.Add(new ProductInfoHeaderValue("Azure-Functions-Host", HostVersion));
        InvocationReply reply;
        try
        {
            using var response = await http.SendAsync(request, timeout.Token);
            var body = await response.Content.ReadAsStringAsync(timeout.Token);
            reply = InvocationReply.Parse((int)response.StatusCode, body);
        }
        catch (OperationCanceledException ex) when (!ct.IsCancellationRequested)
        {
            throw new InvocationFailedException($"timed out after functionTimeout {functionTimeout}", ex);
        }
        catch (HttpRequestException ex)
        {
            throw new InvocationFailedException($"the handler could not be reached: {ex.Message}", ex);
        }

        foreach (var line in reply.Logs)
        {
            Log.InvocationLog(logger, function, invocationId, line);
        }

        return faults.Fail()
            ? throw new InvocationFailedException("failed by fault injection (--fail-rate) after the handler answered; outputs discarded")
            : reply;
    }
}
