namespace TradingBot.Storage.Secrets;

/// <summary>Where venue keys come from: Key Vault in Azure, configuration locally. Values are never logged.</summary>
public interface ISecretStore
{
    /// <summary>The current value of secret <paramref name="name"/>, or null when it does not exist.</summary>
    Task<string?> GetAsync(string name, CancellationToken ct);
}
