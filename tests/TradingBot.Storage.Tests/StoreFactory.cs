using Azure.Data.Tables;
using Microsoft.Extensions.Options;
using TradingBot.Storage.Tables;
using TradingBot.Testing;

namespace TradingBot.Storage.Tests;

/// <summary>Table clients on Azurite with a table prefix of their own (tests never see each other's rows).</summary>
internal static class StoreFactory
{
    public static TableClients Tables(AzuriteFixture azurite) =>
        new(new TableServiceClient(azurite.ConnectionString), Options.Create(new StorageOptions { TablePrefix = AzuriteFixture.NewTablePrefix() }));
}
