namespace TradingBot.Storage.Secrets;

/// <summary>Section <c>KeyVault</c>: <c>KeyVault__Uri</c> switches the secret store from configuration to Key Vault.</summary>
public sealed class KeyVaultOptions
{
    public const string Section = "KeyVault";

    /// <summary>The vault, e.g. <c>https://kv-bot.vault.azure.net/</c>; unset = read secrets from configuration.</summary>
    public Uri? Uri { get; set; }

    /// <summary>How long a fetched value is served before Key Vault is asked again (rotation without redeploy).</summary>
    public TimeSpan RefreshInterval { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Client id of a user-assigned managed identity (also read from <c>AZURE_CLIENT_ID</c> by the credential).</summary>
    public string? ClientId { get; set; }
}
