using System.ComponentModel.DataAnnotations;

namespace TradingBot.Storage;

/// <summary>
/// Section <c>Storage</c>. The connection itself comes from <c>TableConnection</c> (a connection string) or the
/// identity-based <c>TableConnection__tableServiceUri</c> (+ <c>__clientId</c>), falling back to
/// <c>AzureWebJobsStorage</c> the same way.
/// </summary>
public sealed class StorageOptions
{
    public const string Section = "Storage";

    /// <summary>Prepended to every table name (letters/digits), so several bots or test runs can share an account.</summary>
    [RegularExpression("^([A-Za-z][A-Za-z0-9]{0,30})?$", ErrorMessage = "Storage:TablePrefix must be letters and digits, starting with a letter.")]
    public string TablePrefix { get; set; } = "";
}
