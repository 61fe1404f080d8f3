using System.CommandLine;
using Azure.Identity;
using Azure.Security.KeyVault.Secrets;
using Spectre.Console;
using TradingBot.Storage.Secrets;

namespace TradingBot.Cli.Commands;

/// <summary>
/// <c>tradingbot secrets set --vault https://kv-bot.vault.azure.net/ --venue binance --api-key ... --api-secret ...</c>:
/// writes a venue's keys into Key Vault under the names the bot reads (<c>binance-api-key</c>, <c>binance-api-secret</c>),
/// signed in with <see cref="DefaultAzureCredential"/> (Azure CLI, environment, managed identity). Values are never
/// printed; only names and versions are. <c>--api-secret -</c> reads the secret from standard input and
/// <c>--api-secret-file</c> from a file, both preferred to a literal, which lands in shell history and process lists.
/// </summary>
internal static class SecretsCommand
{
    /// <summary>The <c>--api-secret</c> value that means "read the secret from standard input".</summary>
    public const string StandardInput = "-";

    public static Command Create(IAnsiConsole console) => Create(console, vault => new SecretClient(vault, new DefaultAzureCredential()), Console.In);

    /// <summary>The command with a custom Key Vault client and standard input (tests point them at a local fake vault and a string).</summary>
    internal static Command Create(IAnsiConsole console, Func<Uri, SecretClient> clients, TextReader stdin)
    {
        var command = new Command("secrets", "Store venue API keys in Azure Key Vault under the names the bot reads");
        command.Subcommands.Add(CreateSet(console, clients, stdin));
        return command;
    }

    private static Command CreateSet(IAnsiConsole console, Func<Uri, SecretClient> clients, TextReader stdin)
    {
        var vault = new Option<string>("--vault") { Description = "Key Vault URI, e.g. https://kv-bot.vault.azure.net/", Required = true };
        var venue = new Option<string>("--venue") { Description = $"Venue: {string.Join(", ", SecretNames.Venues)}", Required = true };
        var apiKey = new Option<string?>("--api-key") { Description = "API key (Binance, Robinhood) or CDP key name (Coinbase)" };
        var apiSecret = new Option<string?>("--api-secret")
        {
            Description = "API secret: HMAC secret, or private key text; '-' reads it from standard input (preferred: a literal stays in shell history)",
        };
        var apiSecretFile = new Option<string?>("--api-secret-file") { Description = "Read the API secret from a file (a PEM private key), instead of --api-secret" };
        var command = new Command("set", "Write <venue>-api-key and/or <venue>-api-secret") { vault, venue, apiKey, apiSecret, apiSecretFile };
        command.SetAction(async (parse, ct) =>
        {
            var vaultUri = VaultUri(parse.GetValue(vault)!);
            var venueId = parse.GetValue(venue)!.Trim().ToLowerInvariant();
            if (!SecretNames.Venues.Contains(venueId))
            {
                throw new UsageException($"--venue: '{venueId}' is not a venue with keys; use one of {string.Join(", ", SecretNames.Venues)}.");
            }

            var secret = Secret(parse.GetValue(apiSecret), parse.GetValue(apiSecretFile), stdin);
            var values = new List<(string Name, string Value)>();
            if (parse.GetValue(apiKey) is { } key)
            {
                values.Add((SecretNames.ApiKey(venueId), Require(key, "--api-key")));
            }

            if (secret is not null)
            {
                values.Add((SecretNames.ApiSecret(venueId), secret));
            }

            if (values.Count == 0)
            {
                throw new UsageException("Nothing to set: give --api-key and/or --api-secret (or --api-secret-file).");
            }

            var client = clients(vaultUri);
            foreach (var (name, value) in values)
            {
                var stored = await client.SetSecretAsync(name, value, ct);
                console.MarkupLineInterpolated($"Set [green]{name}[/] in {vaultUri.Host} (version {stored.Value.Properties.Version})");
            }

            return ExitCodes.Success;
        });
        return command;
    }

    private static Uri VaultUri(string text) =>
        Uri.TryCreate(text.Trim(), UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttps
            ? uri
            : throw new UsageException($"--vault: '{text}' is not an https:// Key Vault URI.");

    private static string? Secret(string? value, string? file, TextReader stdin)
    {
        if (value is not null && file is not null)
        {
            throw new UsageException("Give either --api-secret or --api-secret-file, not both.");
        }

        if (value == StandardInput)
        {
            return Require(stdin.ReadToEnd(), "--api-secret - (standard input)");
        }

        if (file is null)
        {
            return value is null ? null : Require(value, "--api-secret");
        }

        try
        {
            return Require(File.ReadAllText(file).Trim(), "--api-secret-file");
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"--api-secret-file: cannot read '{file}': {ex.Message}", ex);
        }
    }

    private static string Require(string value, string option) =>
        string.IsNullOrWhiteSpace(value) ? throw new UsageException($"{option}: the value is empty.") : value.Trim();
}
