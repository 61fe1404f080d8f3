using Azure.Data.Tables;
using Microsoft.Extensions.Options;
using TradingBot.Storage.Tables;
using TradingBot.Testing;

namespace TradingBot.Storage.Tests;

/// <summary>Table clients on Azurite with a table prefix of their own (tests never see each other's rows).</summary>
internal static class StoreFactory
{
    public static TableClients Tables(AzuriteFixture azurite) => Tables(azurite, AzuriteFixture.NewTablePrefix());

    /// <summary>Table clients on the tables of <paramref name="prefix"/>, optionally through an extra pipeline policy (fault injection), without retries.</summary>
    public static TableClients Tables(AzuriteFixture azurite, string prefix, Azure.Core.Pipeline.HttpPipelinePolicy? policy = null)
    {
        ArgumentNullException.ThrowIfNull(azurite);
        var options = new TableClientOptions();
        options.Retry.MaxRetries = 0;
        if (policy is not null)
        {
            options.AddPolicy(policy, Azure.Core.HttpPipelinePosition.PerCall);
        }

        return new(new TableServiceClient(azurite.ConnectionString, options), Options.Create(new StorageOptions { TablePrefix = prefix }));
    }
}
