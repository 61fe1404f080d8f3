using Azure.Security.KeyVault.Secrets;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using TradingBot.Storage.Backtests;
using TradingBot.Storage.Candles;
using TradingBot.Storage.Config;
using TradingBot.Storage.Inbox;
using TradingBot.Storage.Ledger;
using TradingBot.Storage.Orders;
using TradingBot.Storage.Poison;
using TradingBot.Storage.Risk;
using TradingBot.Storage.Secrets;
using TradingBot.Storage.Signals;
using TradingBot.Storage.Tables;

namespace TradingBot.Storage;

/// <summary>Registers the Table Storage stores and the secret store (Key Vault when <c>KeyVault:Uri</c> is set).</summary>
public static class StorageServiceCollectionExtensions
{
    public static IServiceCollection AddTradingBotStorage(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<StorageOptions>().BindConfiguration(StorageOptions.Section).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<StorageOptions>, StorageOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(_ => TableServiceClientFactory.Create(configuration));
        services.TryAddSingleton<TableClients>();
        services.TryAddSingleton<PartitionLocks>();
        services.TryAddSingleton<GroupWrites>();
        services.TryAddSingleton<ConfigStore>();
        services.TryAddSingleton<CandleStore>();
        services.TryAddSingleton<CandleWindowCache>();
        services.TryAddSingleton<LatestCloses>();
        services.TryAddSingleton<QuoteSampleStore>();
        services.TryAddSingleton<SignalStore>();
        services.TryAddSingleton<RiskDecisionStore>();
        services.TryAddSingleton<RiskStateStore>();
        services.TryAddSingleton<OrderStore>();
        services.TryAddSingleton<LedgerStore>();
        services.TryAddSingleton<InboxStore>();
        services.TryAddSingleton<PoisonStore>();
        services.TryAddSingleton<BacktestStore>();
        return services.AddTradingBotSecrets(configuration);
    }

    public static IServiceCollection AddTradingBotSecrets(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<KeyVaultOptions>().BindConfiguration(KeyVaultOptions.Section);
        if (configuration.GetSection(KeyVaultOptions.Section)["Uri"] is { Length: > 0 })
        {
            services.TryAddSingleton(sp =>
            {
                var options = sp.GetRequiredService<IOptions<KeyVaultOptions>>().Value;
                return new SecretClient(options.Uri!, TableServiceClientFactory.Credential(options.ClientId));
            });
            services.TryAddSingleton<ISecretStore, KeyVaultSecretStore>();
        }
        else
        {
            services.TryAddSingleton<ISecretStore, ConfigurationSecretStore>();
        }

        return services;
    }
}
