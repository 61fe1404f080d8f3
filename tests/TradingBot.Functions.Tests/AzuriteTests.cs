using TradingBot.Testing;

namespace TradingBot.Functions.Tests;

/// <summary>One Azurite for the assembly; each <see cref="PipelineHost"/> uses its own table prefix.</summary>
[CollectionDefinition(Name)]
public sealed class AzuriteTests : ICollectionFixture<AzuriteFixture>
{
    public const string Name = "azurite";
}
