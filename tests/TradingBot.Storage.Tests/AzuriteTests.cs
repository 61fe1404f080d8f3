using TradingBot.Testing;

namespace TradingBot.Storage.Tests;

/// <summary>One Azurite for the whole assembly; every test uses its own table prefix.</summary>
[CollectionDefinition(Name)]
public sealed class AzuriteTests : ICollectionFixture<AzuriteFixture>
{
    public const string Name = "azurite";
}
