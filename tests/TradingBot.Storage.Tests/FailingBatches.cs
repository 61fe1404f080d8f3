using Azure;
using Azure.Core;
using Azure.Core.Pipeline;

namespace TradingBot.Storage.Tests;

/// <summary>
/// A transport fault for tests: the <see cref="FailOn"/>-th entity-group transaction (<c>$batch</c>) sent through
/// this policy fails with HTTP 503 before it reaches the service (nothing of it is written); every other request passes.
/// </summary>
internal sealed class FailingBatches(int failOn) : HttpPipelinePolicy
{
    private int _batches;

    public int FailOn => failOn;

    public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        Fail(message);
        ProcessNext(message, pipeline);
    }

    public override ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        Fail(message);
        return ProcessNextAsync(message, pipeline);
    }

    private void Fail(HttpMessage message)
    {
        if (message.Request.Uri.Path.EndsWith("$batch", StringComparison.Ordinal) && Interlocked.Increment(ref _batches) == failOn)
        {
            throw new RequestFailedException(503, $"injected failure of transaction {failOn}");
        }
    }
}
