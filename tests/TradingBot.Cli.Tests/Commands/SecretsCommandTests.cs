using System.CommandLine;
using Azure.Core.Pipeline;
using Azure.Security.KeyVault.Secrets;
using Spectre.Console;
using TradingBot.Cli.Commands;
using TradingBot.Testing;

namespace TradingBot.Cli.Tests.Commands;

public sealed class SecretsCommandTests : IAsyncLifetime, IDisposable
{
    private readonly StringWriter _output = new();
    private FakeKeyVault _vault = null!;

    public async Task InitializeAsync() => _vault = await FakeKeyVault.StartAsync();

    public async Task DisposeAsync() => await _vault.DisposeAsync();

    public void Dispose() => _output.Dispose();

    private Task<int> RunAsync(params string[] args) => RunWithInputAsync("", args);

    private Task<int> RunWithInputAsync(string stdin, params string[] args)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(_output), Ansi = AnsiSupport.No, ColorSystem = ColorSystemSupport.NoColors });
        var root = new RootCommand { SecretsCommand.Create(console, uri => Client(uri), new StringReader(stdin)) };
        return root.Parse(args).InvokeAsync(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
    }

    private SecretClient Client(Uri uri)
    {
        var options = new SecretClientOptions { DisableChallengeResourceVerification = true, Transport = new HttpClientTransport(_vault.CreateHandler()) };
        options.Retry.MaxRetries = 0;
        return new SecretClient(uri, new FakeTokenCredential(), options);
    }

    [Fact]
    public async Task Set_KeyAndSecret_WritesTheDocumentedNamesAndNeverPrintsValues()
    {
        var exit = await RunAsync("secrets", "set", "--vault", _vault.VaultUri.ToString(), "--venue", "binance", "--api-key", "key-111", "--api-secret", "secret-222");

        Assert.Equal(ExitCodes.Success, exit);
        Assert.Equal("key-111", _vault.Secrets["binance-api-key"]);
        Assert.Equal("secret-222", _vault.Secrets["binance-api-secret"]);
        var printed = _output.ToString();
        Assert.Contains("binance-api-key", printed, StringComparison.Ordinal);
        Assert.DoesNotContain("key-111", printed, StringComparison.Ordinal);
        Assert.DoesNotContain("secret-222", printed, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Set_SecretDash_ReadsTheSecretFromStandardInputAndNeverPrintsIt()
    {
        const string Pem = "-----BEGIN PRIVATE KEY-----\nMC4CAQAwBQYDK2VwBCIEIA==\n-----END PRIVATE KEY-----\n";

        var exit = await RunWithInputAsync(Pem, "secrets", "set", "--vault", _vault.VaultUri.ToString(), "--venue", "coinbase", "--api-secret", "-");

        Assert.Equal(ExitCodes.Success, exit);
        Assert.Equal(Pem.Trim(), _vault.Secrets["coinbase-api-secret"]);
        Assert.DoesNotContain("MC4CAQAw", _output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Set_SecretDashWithEmptyInput_IsAUsageErrorAndWritesNothing()
    {
        await Assert.ThrowsAsync<UsageException>(() =>
            RunWithInputAsync("  \n", "secrets", "set", "--vault", _vault.VaultUri.ToString(), "--venue", "binance", "--api-secret", "-"));

        Assert.Empty(_vault.Secrets);
    }

    [Fact]
    public async Task Set_SecretFromAPemFile_StoresTheFileContent()
    {
        var file = Path.GetTempFileName();
        await File.WriteAllTextAsync(file, "-----BEGIN PRIVATE KEY-----\nMC4CAQAwBQYDK2VwBCIEIA==\n-----END PRIVATE KEY-----\n");
        try
        {
            await RunAsync("secrets", "set", "--vault", _vault.VaultUri.ToString(), "--venue", "coinbase", "--api-secret-file", file);
        }
        finally
        {
            File.Delete(file);
        }

        Assert.StartsWith("-----BEGIN PRIVATE KEY-----", _vault.Secrets["coinbase-api-secret"], StringComparison.Ordinal);
        Assert.False(_vault.Secrets.ContainsKey("coinbase-api-key"));
    }

    [Theory]
    [InlineData("--venue", "kraken")]
    [InlineData("--vault", "http://kv.example/")]
    public async Task Set_BadInput_IsAUsageErrorNamingTheOption(string option, string value)
    {
        var args = new Dictionary<string, string> { ["--vault"] = _vault.VaultUri.ToString(), ["--venue"] = "binance" };
        args[option] = value;

        var error = await Assert.ThrowsAsync<UsageException>(() =>
            RunAsync(["secrets", "set", "--vault", args["--vault"], "--venue", args["--venue"], "--api-key", "k"]));

        Assert.StartsWith(option, error.Message, StringComparison.Ordinal);
        Assert.Empty(_vault.Secrets);
    }

    [Fact]
    public async Task Set_NothingToSet_IsAUsageError() =>
        await Assert.ThrowsAsync<UsageException>(() => RunAsync("secrets", "set", "--vault", _vault.VaultUri.ToString(), "--venue", "binance"));
}
