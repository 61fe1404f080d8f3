using System.Diagnostics;
using System.Text.RegularExpressions;
using TradingBot.Testing;

namespace TradingBot.Infra.Tests.Hooks;

/// <summary>
/// The azd postprovision hook (infra/hooks/postprovision.sh) run for real with a fake Azure CLI on PATH
/// (Hooks/fake-az.sh): it creates the API keys in Key Vault only when they are missing, never prints one, and waits for
/// a role assignment that has not applied yet instead of guessing.
/// </summary>
public sealed partial class PostprovisionHookTests : IDisposable
{
    private const string Vault = "kv-test";

    private readonly TemporaryFolder _folder = new();

    public PostprovisionHookTests()
    {
        Directory.CreateDirectory(VaultFolder);
        var az = Path.Combine(_folder.Path, "bin", "az");
        Directory.CreateDirectory(Path.GetDirectoryName(az)!);
        File.Copy(Path.Combine(RepositoryPaths.Root, "tests", "TradingBot.Infra.Tests", "Hooks", "fake-az.sh"), az);
        Assert.Equal(0, Run("chmod", "755", az).ExitCode);
    }

    public static string Script => Path.Combine(RepositoryPaths.Root, "infra", "hooks", "postprovision.sh");

    private string VaultFolder => _folder.File("vault");

    private string[] Calls => File.Exists(_folder.File("az.log")) ? File.ReadAllLines(_folder.File("az.log")) : [];

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void Script_IsValidPosixShell()
    {
        var run = Run("sh", "-n", Script);

        Assert.True(run.ExitCode == 0, run.Output);
    }

    [Fact]
    public void Hook_SecretsMissing_CreatesEachWithItsOwnRandom256BitKey()
    {
        var run = Hook();

        Assert.True(run.ExitCode == 0, run.Output);
        var apiKey = StoredSecret("api-key");
        var viewerKey = StoredSecret("api-viewer-key");
        Assert.Matches("^[0-9a-f]{64}$", apiKey);
        Assert.Matches("^[0-9a-f]{64}$", viewerKey);
        Assert.NotEqual(apiKey, viewerKey);
        Assert.Equal(2, Calls.Count(c => c.StartsWith("keyvault secret set ", StringComparison.Ordinal)));
        Assert.All(Calls.Where(c => c.StartsWith("keyvault secret set ", StringComparison.Ordinal)), c =>
        {
            Assert.Contains($"--vault-name {Vault} ", c, StringComparison.Ordinal);
            Assert.Contains("--file ", c, StringComparison.Ordinal);
        });
    }

    [Fact]
    public void Hook_SecretsCreated_AsksTheAppToResolveItsKeyVaultReferencesAgain()
    {
        var run = Hook();

        Assert.True(run.ExitCode == 0, run.Output);
        var refresh = Assert.Single(Calls, c => c.StartsWith("rest ", StringComparison.Ordinal));
        Assert.Contains("--method post", refresh, StringComparison.Ordinal);
        Assert.Contains("/providers/Microsoft.Web/sites/func-test/config/configreferences/appsettings/refresh?api-version=", refresh, StringComparison.Ordinal);
    }

    [Fact]
    public void Hook_SecretsPresent_KeepsThemAndChangesNothing()
    {
        File.WriteAllText(Path.Combine(VaultFolder, "api-key"), "the-operators-key");
        File.WriteAllText(Path.Combine(VaultFolder, "api-viewer-key"), "the-operators-viewer-key");

        var run = Hook();

        Assert.True(run.ExitCode == 0, run.Output);
        Assert.Equal("the-operators-key", StoredSecret("api-key"));
        Assert.Equal("the-operators-viewer-key", StoredSecret("api-viewer-key"));
        Assert.DoesNotContain(Calls, c => c.StartsWith("keyvault secret set ", StringComparison.Ordinal) || c.StartsWith("rest ", StringComparison.Ordinal));
    }

    [Fact]
    public void Hook_RunByEveryProvision_NeverRotatesAKey()
    {
        Assert.Equal(0, Hook().ExitCode);
        var first = (StoredSecret("api-key"), StoredSecret("api-viewer-key"));

        var second = Hook();

        Assert.True(second.ExitCode == 0, second.Output);
        Assert.Equal(first, (StoredSecret("api-key"), StoredSecret("api-viewer-key")));
        Assert.Equal(2, Calls.Count(c => c.StartsWith("keyvault secret set ", StringComparison.Ordinal)));
    }

    [Fact]
    public void Hook_OneSecretMissing_CreatesOnlyThatOne()
    {
        File.WriteAllText(Path.Combine(VaultFolder, "api-key"), "the-operators-key");

        var run = Hook();

        Assert.True(run.ExitCode == 0, run.Output);
        Assert.Equal("the-operators-key", StoredSecret("api-key"));
        Assert.Matches("^[0-9a-f]{64}$", StoredSecret("api-viewer-key"));
        Assert.Contains(Calls, c => c.StartsWith("keyvault secret set ", StringComparison.Ordinal) && c.Contains("--name api-viewer-key", StringComparison.Ordinal));
        Assert.DoesNotContain(Calls, c => c.StartsWith("keyvault secret set ", StringComparison.Ordinal) && c.Contains("--name api-key ", StringComparison.Ordinal));
    }

    [Fact]
    public void Hook_Output_NamesTheCommandToReadTheKeyButNeverTheKey()
    {
        var run = Hook();

        Assert.True(run.ExitCode == 0, run.Output);
        Assert.Contains($"az keyvault secret show --vault-name {Vault} --name api-key --query value -o tsv", run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(StoredSecret("api-key"), run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(StoredSecret("api-viewer-key"), run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(Calls, c => c.Contains(StoredSecret("api-key"), StringComparison.Ordinal));
    }

    [Fact]
    public void Hook_EntraIdConfigured_PointsBrowsersAtTheSignIn()
    {
        var run = Hook(("ENTRA_CLIENT_ID", "11111111-2222-3333-4444-555555555555"));

        Assert.True(run.ExitCode == 0, run.Output);
        Assert.Contains("https://func-test.azurewebsites.net/.auth/login/aad?post_login_redirect_uri=/", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Hook_RoleAssignmentNotAppliedYet_RetriesUntilTheVaultAnswers()
    {
        File.WriteAllText(_folder.File("forbidden"), "2");

        var run = Hook();

        Assert.True(run.ExitCode == 0, run.Output);
        Assert.Contains("not readable yet", run.Output, StringComparison.Ordinal);
        Assert.Matches("^[0-9a-f]{64}$", StoredSecret("api-key"));
    }

    [Fact]
    public void Hook_VaultNeverReadable_FailsWithoutCreatingAnything()
    {
        File.WriteAllText(_folder.File("forbidden"), "1000");

        var run = Hook();

        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains("cannot read secret 'api-key'", run.Output, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(VaultFolder));
        Assert.DoesNotContain(Calls, c => c.StartsWith("keyvault secret set ", StringComparison.Ordinal));
    }

    [Fact]
    public void Hook_WithoutTheAzdEnvironment_FailsAndSaysWhatIsMissing()
    {
        var run = Hook(("AZURE_KEY_VAULT_NAME", ""));

        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains("AZURE_KEY_VAULT_NAME", run.Output, StringComparison.Ordinal);
        Assert.Empty(Calls);
    }

    [Fact]
    public void PowerShellTwin_CreatesTheSameSecretsWithTheSameRefresh()
    {
        var posix = File.ReadAllText(Script);
        var windows = File.ReadAllText(Path.ChangeExtension(Script, ".ps1"));

        Assert.Equal(HookSecretNames(), PowerShellSecrets().Match(windows).Groups[1].Value.Split(',').Select(s => s.Trim().Trim('\'')).ToList());
        Assert.Contains("configreferences/appsettings/refresh?api-version=2022-03-01", posix, StringComparison.Ordinal);
        Assert.Contains("configreferences/appsettings/refresh?api-version=2022-03-01", windows, StringComparison.Ordinal);
        Assert.All(["secret show", "secret set", "--file", "SecretNotFound"], word => Assert.Contains(word, windows, StringComparison.Ordinal));
    }

    /// <summary>The secrets the hook creates, as its <c>secrets="..."</c> line lists them.</summary>
    public static IReadOnlyList<string> HookSecretNames() =>
        ShellSecrets().Match(File.ReadAllText(Script)).Groups[1].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries);

    private string StoredSecret(string name) => File.ReadAllText(Path.Combine(VaultFolder, name));

    private HookRun Hook(params (string Name, string Value)[] settings)
    {
        var environment = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["PATH"] = $"{_folder.File("bin")}:{Environment.GetEnvironmentVariable("PATH")}",
            ["FAKE_AZ_LOG"] = _folder.File("az.log"),
            ["FAKE_AZ_VAULT"] = VaultFolder,
            ["FAKE_AZ_FORBIDDEN"] = _folder.File("forbidden"),
            ["TRADINGBOT_HOOK_RETRIES"] = "3",
            ["TRADINGBOT_HOOK_RETRY_SECONDS"] = "0",
            ["AZURE_KEY_VAULT_NAME"] = Vault,
            ["AZURE_RESOURCE_GROUP"] = "rg-bot-test",
            ["AZURE_FUNCTION_APP_NAME"] = "func-test",
            ["AZURE_FUNCTION_URI"] = "https://func-test.azurewebsites.net",
            ["ENTRA_CLIENT_ID"] = "",
        };
        foreach (var (name, value) in settings)
        {
            environment[name] = value;
        }

        return Run("sh", [Script], environment);
    }

    private static HookRun Run(string program, params string[] arguments) => Run(program, arguments, new Dictionary<string, string>());

    private static HookRun Run(string program, string[] arguments, IReadOnlyDictionary<string, string> environment)
    {
        var info = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = RepositoryPaths.Root };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        // Nothing from the machine's own azd environment reaches the hook: only what the test gives.
        foreach (var name in info.Environment.Keys.Where(k => k.StartsWith("AZURE_", StringComparison.Ordinal) || k.StartsWith("TRADINGBOT_", StringComparison.Ordinal)).ToList())
        {
            info.Environment.Remove(name);
        }

        foreach (var (name, value) in environment)
        {
            info.Environment[name] = value;
        }

        using var process = Process.Start(info) ?? throw new InvalidOperationException($"cannot start {program}");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(1)))
        {
            process.Kill(entireProcessTree: true);
            throw new InvalidOperationException($"{program} {string.Join(' ', arguments)} did not finish");
        }

        return new HookRun(process.ExitCode, stdout.Result + stderr.Result);
    }

    [GeneratedRegex("""^secrets="([^"]*)"$""", RegexOptions.Multiline)]
    private static partial Regex ShellSecrets();

    [GeneratedRegex(@"^\$secrets = @\(([^)]*)\)", RegexOptions.Multiline)]
    private static partial Regex PowerShellSecrets();

    private sealed record HookRun(int ExitCode, string Output);
}
