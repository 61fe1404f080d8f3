using Azure.Core;
using Azure.Data.Tables;
using Azure.Identity;
using Microsoft.Extensions.Configuration;

namespace TradingBot.Storage.Tables;

/// <summary>
/// Builds the <see cref="TableServiceClient"/> from the same settings the Functions host uses for bindings:
/// <c>TableConnection</c> = connection string, or <c>TableConnection__tableServiceUri</c> (alias <c>__serviceUri</c>)
/// with managed identity (<c>__clientId</c> for a user-assigned one); then <c>AzureWebJobsStorage</c> likewise.
/// </summary>
public static class TableServiceClientFactory
{
    public const string ConnectionName = "TableConnection";
    public const string HostStorageName = "AzureWebJobsStorage";

    public static TableServiceClient Create(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return TryCreate(configuration, ConnectionName) ?? TryCreate(configuration, HostStorageName)
            ?? throw new InvalidOperationException(
                $"No table storage configured: set {ConnectionName} (connection string, e.g. UseDevelopmentStorage=true) or " +
                $"{ConnectionName}__tableServiceUri (managed identity), or {HostStorageName}.");
    }

    private static TableServiceClient? TryCreate(IConfiguration configuration, string name)
    {
        if (configuration[name] is { Length: > 0 } connectionString)
        {
            return new TableServiceClient(connectionString);
        }

        var section = configuration.GetSection(name);
        if ((section["tableServiceUri"] ?? section["serviceUri"]) is not { Length: > 0 } uri)
        {
            return null;
        }

        return new TableServiceClient(new Uri(uri), Credential(section["clientId"]));
    }

    /// <summary>Managed identity in Azure (user-assigned when a client id is given); developer credentials locally.</summary>
    public static TokenCredential Credential(string? clientId) =>
        new DefaultAzureCredential(new DefaultAzureCredentialOptions { ManagedIdentityClientId = string.IsNullOrEmpty(clientId) ? null : clientId });
}
